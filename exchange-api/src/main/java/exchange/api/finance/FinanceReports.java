package exchange.api.finance;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily finance job (Jakarta Batch): reconciliation per asset and the day's report, written
 * to report tables and a CSV file. Scheduled after midnight UTC for the day before; operators
 * start it for any day too. Idempotent per day.
 */
@Local
public interface FinanceReports {
    /** Starts the job for the day (today or before); returns the batch execution id. */
    long start(LocalDate day);

    /**
     * The same, made to fail before the asset after {@code crashAfterAssets} reconciled ones where
     * {@code exchange.finance.batch.fault-injection} is on (dev and tests): a run killed midway.
     */
    long start(LocalDate day, int crashAfterAssets);

    /** Restarts a failed or stopped execution where its last checkpoint left it; returns the new execution id. */
    long restart(long executionId);

    /** The newest executions first. */
    List<RunView> runs(int limit);

    RunView run(long executionId);

    /** 404 NOT_FOUND when the day has no report yet. */
    DailyReport report(LocalDate day);

    /** The report file's content; 404 NOT_FOUND when the day has none. */
    String csv(LocalDate day);

    record RunView(long executionId, long instanceId, String day, String status, String exitStatus, Instant startedAt,
                   Instant endedAt) implements Serializable {
    }

    record Line(String section, String item, String metric, BigDecimal value) implements Serializable {
    }

    /** status OK or MISMATCH; differences says which figures disagree and by how much. */
    record Reconciliation(String asset, BigDecimal usersBalance, BigDecimal usersJournal, BigDecimal allAccounts,
                          BigDecimal feesAccount, BigDecimal depositsIn, BigDecimal withdrawalsOut, BigDecimal adjustmentsNet,
                          BigDecimal flowsTotal, BigDecimal feeIncome, BigDecimal hotWallet, String status, String differences)
            implements Serializable {
    }

    record DailyReport(String day, List<Reconciliation> reconciliation, List<Line> lines, String file, String sha256,
                       int mismatches) implements Serializable {
    }
}
