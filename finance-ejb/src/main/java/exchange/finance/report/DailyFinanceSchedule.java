package exchange.finance.report;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Yesterday's finance job, a quarter past midnight UTC. Not persistent: a node that was down at
 * that time does not catch up on its own; an operator starts the day (the job is idempotent per day).
 */
@Singleton
public class DailyFinanceSchedule {
    @EJB
    private DailyFinanceJob job;
    @EJB
    private exchange.api.engine.ClusterDuty duty;

    /** On every instance's timer; on a cluster only the instance whose engine leads starts the job. */
    @Schedule(hour = "0", minute = "15", persistent = false)
    void yesterday() {
        if (!duty.ours()) {
            return;
        }
        job.start(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    }
}
