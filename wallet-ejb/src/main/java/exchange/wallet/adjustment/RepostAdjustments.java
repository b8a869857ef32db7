package exchange.wallet.adjustment;

import exchange.api.engine.ClusterDuty;
import exchange.api.error.BusinessException;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes adjustments left posting: the instance that recorded one died before the engine
 * answered, or the engine did not answer in time. Posting again is safe (the engine takes each
 * adjustment id once); a refusal now removes the row, as it would have then.
 */
@Singleton
public class RepostAdjustments {
    private static final Logger LOG = Logger.getLogger(RepostAdjustments.class.getName());
    /** Longer than any answer the poster itself still waits for. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    @EJB
    private AdjustmentRecords records;
    @EJB
    private ClusterDuty duty;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void repost() {
        if (!duty.ours()) {
            return;
        }
        for (Adjustment a : records.stuck(Instant.now().minus(GRACE), 100)) {
            try {
                records.post(a);
                LOG.info("adjustment " + a.id() + " left posting: posted now");
            } catch (BusinessException e) {
                LOG.log(Level.WARNING, "adjustment " + a.id() + " left posting: " + e.code() + " " + e.getMessage());
            }
        }
    }
}
