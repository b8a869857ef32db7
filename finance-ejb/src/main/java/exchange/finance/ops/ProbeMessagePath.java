package exchange.finance.ops;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.MessagePathProbed;
import exchange.api.finance.MessagePathProbe;
import exchange.finance.messaging.FinanceEventOutbox;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.UUID;

/**
 * An operator's end-to-end check: the probe goes out through the same outbox and broker as every
 * business event and comes back into the audit log. The rolled-back variant proves the other half
 * of the promise: an aborted transaction publishes nothing.
 */
@Stateless
public class ProbeMessagePath implements MessagePathProbe {
    @EJB
    private FinanceEventOutbox events;
    @Resource
    private SessionContext context;

    @Override
    public String probe(String operator, boolean rollBack) {
        String probeId = UUID.randomUUID().toString();
        events.publish(new MessagePathProbed(probeId, operator, Instant.now()));
        if (rollBack) {
            context.setRollbackOnly();
            throw new BusinessException(ErrorCode.PROBE_ROLLED_BACK,
                    "Probe " + probeId + " was rolled back on purpose; nothing was published.");
        }
        return probeId;
    }
}
