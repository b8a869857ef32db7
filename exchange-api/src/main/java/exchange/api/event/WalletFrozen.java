package exchange.api.event;

/** An operator froze (frozen) or unfroze a user's wallet: a frozen wallet pays out no withdrawal. */
public record WalletFrozen(long userId, boolean frozen, String reason, String operator) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
