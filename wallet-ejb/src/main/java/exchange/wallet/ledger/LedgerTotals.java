package exchange.wallet.ledger;

import exchange.api.wallet.WalletTotals;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * Per asset, the ledger's figures in one statement, so they describe one moment (InnoDB's
 * consistent read), in a transaction of its own: a caller that asks again sees what changed since.
 * Deposits count as credited: floored to the engine's 10 decimals.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LedgerTotals implements WalletTotals {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    @Override
    public List<AssetTotals> totals() {
        List<?> rows = em.createNativeQuery("""
                SELECT s.code,
                  (SELECT COALESCE(SUM(a.available + a.frozen), 0) FROM exchange_wallet.accounts a WHERE a.asset = s.code AND a.user_id > 0),
                  (SELECT COALESCE(SUM(j.delta_available + j.delta_frozen), 0) FROM exchange_wallet.balance_journal j
                     WHERE j.asset = s.code AND j.user_id > 0),
                  (SELECT COALESCE(SUM(a.available + a.frozen), 0) FROM exchange_wallet.accounts a WHERE a.asset = s.code),
                  (SELECT COALESCE(SUM(a.available), 0) FROM exchange_wallet.accounts a WHERE a.asset = s.code AND a.user_id = ?1),
                  (SELECT COALESCE(SUM(a.available), 0) FROM exchange_wallet.accounts a WHERE a.asset = s.code AND a.user_id = ?2),
                  (SELECT COALESCE(SUM(a.available), 0) FROM exchange_wallet.accounts a WHERE a.asset = s.code AND a.user_id = ?3),
                  (SELECT COALESCE(SUM(a.available), 0) FROM exchange_wallet.accounts a WHERE a.asset = s.code AND a.user_id = ?4),
                  (SELECT COALESCE(SUM(TRUNCATE(d.amount, 10)), 0) FROM exchange_wallet.deposits d WHERE d.asset = s.code AND d.status = 'CREDITED'),
                  (SELECT COALESCE(SUM(w.amount), 0) FROM exchange_wallet.withdrawals w WHERE w.asset = s.code AND w.status = 'COMPLETED'),
                  (SELECT COALESCE(SUM(w.fee), 0) FROM exchange_wallet.withdrawals w WHERE w.asset = s.code AND w.status = 'COMPLETED')
                FROM exchange_wallet.assets s ORDER BY s.code""")
                .setParameter(1, SystemAccounts.FEES).setParameter(2, SystemAccounts.DEPOSITS)
                .setParameter(3, SystemAccounts.WITHDRAWALS).setParameter(4, SystemAccounts.ADJUSTMENTS).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new AssetTotals((String) r[0], d(r[1]), d(r[2]), d(r[3]), d(r[4]),
                d(r[5]), d(r[6]), d(r[7]), d(r[8]), d(r[9]), d(r[10]))).toList();
    }

    private static BigDecimal d(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
