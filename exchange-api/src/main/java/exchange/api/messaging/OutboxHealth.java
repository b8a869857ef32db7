package exchange.api.messaging;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.time.Instant;

/** How a service's outbox stands: what waits to be sent and since when (operations). */
@Local
public interface OutboxHealth {
    Health health();

    /** @param oldestUnsentAt null when nothing waits */
    record Health(String producerGroup, long unsent, Instant oldestUnsentAt) implements Serializable {
    }
}
