package exchange.api.event;

import java.time.Instant;

public record UserLoggedIn(long userId, String email, String clientIp, Instant loggedInAt) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.USER;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
