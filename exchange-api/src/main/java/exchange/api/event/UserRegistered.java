package exchange.api.event;

import java.time.Instant;

public record UserRegistered(long userId, String email, Instant registeredAt) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.USER;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
