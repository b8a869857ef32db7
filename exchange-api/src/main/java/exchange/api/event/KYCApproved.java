package exchange.api.event;

import java.time.Instant;

/** A user reached a KYC level (an operator approved the application). */
public record KYCApproved(long userId, int level, long applicationId, String operator, Instant at) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.USER;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
