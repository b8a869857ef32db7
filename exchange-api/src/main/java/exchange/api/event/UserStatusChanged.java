package exchange.api.event;

/** An operator froze or unfroze a user (seed: 用户状态变更): FROZEN users cannot sign in or use the API. */
public record UserStatusChanged(long userId, String status, String reason, String operator) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.USER;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
