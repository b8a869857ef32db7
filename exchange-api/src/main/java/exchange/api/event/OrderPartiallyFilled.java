package exchange.api.event;

import java.math.BigDecimal;

public record OrderPartiallyFilled(long orderId, long userId, String symbol, BigDecimal executedQuantity,
                          BigDecimal cumulativeQuoteQuantity) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return symbol;
    }
}
