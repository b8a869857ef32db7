package exchange.api.event;

import java.math.BigDecimal;

/**
 * An accepted order, funds frozen; for the engine a place command. Keyed by symbol, so one
 * symbol's commands stay in one queue, in order.
 */
public record OrderCreated(long orderId, long userId, String symbol, String side, String orderType, String timeInForce,
                           BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, String selfTradePrevention)
        implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return symbol;
    }
}
