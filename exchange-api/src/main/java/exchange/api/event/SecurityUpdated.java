package exchange.api.event;

import java.time.Instant;

/** A change to how a user's account is secured: LOGGED_OUT_EVERYWHERE, LOGIN_LOCKED, API_KEY_CREATED, API_KEY_DELETED. */
public record SecurityUpdated(long userId, String change, Instant at) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.USER;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
