package exchange.api.wallet;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The wallet's own figures per asset, for finance's reconciliation: the wallet keeps the ledger. */
@Local
public interface WalletTotals {
    List<AssetTotals> totals();

    /**
     * @param usersBalance         what users hold, available + frozen, in their accounts
     * @param usersJournal         the sum of every change the balance journal recorded for users
     * @param allAccounts          every account's balance summed, system accounts too: zero in a double-entry ledger
     * @param feesAccount          fees the exchange took (trading and withdrawal fees)
     * @param depositsAccount      the deposits account's balance (negative: what came in)
     * @param withdrawalsAccount   the withdrawals account's balance (what went out)
     * @param adjustmentsAccount   the adjustments account's balance (negative: operators' net credits)
     * @param creditedDeposits     the deposits table's credited amounts
     * @param completedWithdrawals the withdrawals table's completed amounts
     * @param withdrawalFees       the fees of completed withdrawals
     */
    record AssetTotals(String asset, BigDecimal usersBalance, BigDecimal usersJournal, BigDecimal allAccounts,
                       BigDecimal feesAccount, BigDecimal depositsAccount, BigDecimal withdrawalsAccount,
                       BigDecimal adjustmentsAccount, BigDecimal creditedDeposits, BigDecimal completedWithdrawals,
                       BigDecimal withdrawalFees) implements Serializable {
    }
}
