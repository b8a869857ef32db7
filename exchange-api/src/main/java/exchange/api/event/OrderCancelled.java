package exchange.api.event;

import java.math.BigDecimal;

/** The order left the book unfilled or part-filled: canceled by its owner, expired or rejected. */
public record OrderCancelled(long orderId, long userId, String symbol, String status, String reason,
                             BigDecimal executedQuantity, BigDecimal released) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return symbol;
    }
}
