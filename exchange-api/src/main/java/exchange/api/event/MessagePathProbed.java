package exchange.api.event;

import java.time.Instant;

/**
 * An operator's end-to-end check of the message path: published through the outbox like any
 * business event and recorded by finance in the audit log when it arrives.
 */
public record MessagePathProbed(String probeId, String operator, Instant probedAt) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.SYSTEM;
    }

    @Override
    public String key() {
        return probeId;
    }
}
