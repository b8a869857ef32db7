package exchange.api.event;

/** A trader asked to cancel; for the engine a cancel command, in the symbol's queue. */
public record OrderCancelRequested(long orderId, long userId, String symbol) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return symbol;
    }
}
