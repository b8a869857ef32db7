package exchange.finance.report;

import exchange.api.finance.FinanceReports;
import exchange.api.wallet.HotWallets;
import exchange.api.wallet.WalletTotals;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One asset's reconciliation. Within the wallet: users' balances against the balance journal,
 * every account summed to zero (double entry), the deposits and withdrawals accounts against the
 * credited deposits and completed withdrawals, and users against deposits in − withdrawals out −
 * fees + adjustments. Across services: the fees account against finance's fee income plus
 * withdrawal fees, users' balances against finance's fund flows. Finance hears the wallet through
 * events, so a cross-service difference is only a finding if it lasts: it is read again a few
 * times, a second apart. The hot wallet's balance on its chain is reported beside them.
 */
@Named
@Dependent
public class ReconcileAsset implements ItemProcessor {
    private static final Logger LOG = Logger.getLogger(ReconcileAsset.class.getName());
    private static final int ATTEMPTS = 5;

    @EJB
    private WalletTotals wallet;
    @EJB
    private HotWallets hotWallets;
    @EJB
    private FinanceFigures finance;
    @Inject
    @BatchProperty(name = "day")
    String day;
    /** Fault injection for the restart test: fail before the asset after this many (0: never). */
    @Inject
    @BatchProperty(name = "crashAfterAssets")
    String crashAfterAssets;
    @Inject
    @ConfigProperty(name = "exchange.finance.batch.fault-injection", defaultValue = "false")
    boolean faultInjection;
    private int processed;

    @Override
    public Object processItem(Object item) throws InterruptedException {
        String asset = (String) item;
        int crashAfter = crashAfterAssets == null || crashAfterAssets.isBlank() ? 0 : Integer.parseInt(crashAfterAssets.trim());
        if (faultInjection && crashAfter > 0 && processed >= crashAfter) {
            throw new IllegalStateException("fault injection: the job stops before asset " + asset);
        }
        processed++;
        ReconciliationRow row = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            row = reconcile(asset);
            if (row.reconciliation().differences().isEmpty()) {
                break;
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(1000);
            }
        }
        return row;
    }

    private ReconciliationRow reconcile(String asset) {
        WalletTotals.AssetTotals t = wallet.totals().stream().filter(a -> a.asset().equals(asset)).findFirst().orElseThrow();
        BigDecimal flows = finance.flowsTotal(asset);
        BigDecimal feeIncome = finance.feeIncome(asset);
        BigDecimal depositsIn = t.depositsAccount().negate();
        BigDecimal adjustmentsNet = t.adjustmentsAccount().negate();
        List<String> differences = new ArrayList<>();
        differ(differences, "users vs journal", t.usersBalance(), t.usersJournal());
        differ(differences, "all accounts vs zero", t.allAccounts(), BigDecimal.ZERO);
        differ(differences, "deposits account vs credited deposits", depositsIn, t.creditedDeposits());
        differ(differences, "withdrawals account vs completed withdrawals", t.withdrawalsAccount(), t.completedWithdrawals());
        differ(differences, "users vs deposits - withdrawals - fees + adjustments", t.usersBalance(),
                depositsIn.subtract(t.withdrawalsAccount()).subtract(t.feesAccount()).add(adjustmentsNet));
        differ(differences, "fees account vs fee income + withdrawal fees", t.feesAccount(), feeIncome.add(t.withdrawalFees()));
        differ(differences, "users vs fund flows", t.usersBalance(), flows);
        FinanceReports.Reconciliation r = new FinanceReports.Reconciliation(asset, t.usersBalance(), t.usersJournal(),
                t.allAccounts(), t.feesAccount(), depositsIn, t.withdrawalsAccount(), adjustmentsNet, flows, feeIncome,
                hotWallet(asset), differences.isEmpty() ? "OK" : "MISMATCH", String.join("; ", differences));
        return new ReconciliationRow(day, r);
    }

    private BigDecimal hotWallet(String asset) {
        try {
            return hotWallets.hotWallets().stream().map(w -> w.balances().get(asset)).filter(b -> b != null).findFirst().orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "hot wallet balance of " + asset + " not known", e);
            return null;
        }
    }

    private static void differ(List<String> differences, String what, BigDecimal a, BigDecimal b) {
        if (a.compareTo(b) != 0) {
            differences.add(what + ": " + a.stripTrailingZeros().toPlainString() + " vs " + b.stripTrailingZeros().toPlainString());
        }
    }
}
