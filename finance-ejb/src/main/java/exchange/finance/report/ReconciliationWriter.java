package exchange.finance.report;

import exchange.api.finance.FinanceReports;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Upserts by (day, asset), in the chunk's transaction: written once per checkpoint, the same on a re-run. */
@Named
@Dependent
public class ReconciliationWriter extends AbstractItemWriter {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            ReconciliationRow row = (ReconciliationRow) item;
            FinanceReports.Reconciliation r = row.reconciliation();
            em.createNativeQuery("""
                    INSERT INTO exchange_finance.reconciliation_results (day, asset, users_balance, users_journal, all_accounts,
                      fees_account, deposits_in, withdrawals_out, adjustments_net, flows_total, fee_income, hot_wallet, status,
                      differences, computed_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                    ON DUPLICATE KEY UPDATE users_balance = VALUES(users_balance), users_journal = VALUES(users_journal),
                      all_accounts = VALUES(all_accounts), fees_account = VALUES(fees_account), deposits_in = VALUES(deposits_in),
                      withdrawals_out = VALUES(withdrawals_out), adjustments_net = VALUES(adjustments_net),
                      flows_total = VALUES(flows_total), fee_income = VALUES(fee_income), hot_wallet = VALUES(hot_wallet),
                      status = VALUES(status), differences = VALUES(differences), computed_at = VALUES(computed_at)""")
                    .setParameter(1, FinanceFigures.sqlDay(row.day())).setParameter(2, r.asset()).setParameter(3, r.usersBalance())
                    .setParameter(4, r.usersJournal()).setParameter(5, r.allAccounts()).setParameter(6, r.feesAccount())
                    .setParameter(7, r.depositsIn()).setParameter(8, r.withdrawalsOut()).setParameter(9, r.adjustmentsNet())
                    .setParameter(10, r.flowsTotal()).setParameter(11, r.feeIncome()).setParameter(12, r.hotWallet())
                    .setParameter(13, r.status()).setParameter(14, truncate(r.differences()))
                    .setParameter(15, Timestamp.from(Instant.now())).executeUpdate();
        }
    }

    private static String truncate(String s) {
        return s.length() > 1024 ? s.substring(0, 1024) : s;
    }
}
