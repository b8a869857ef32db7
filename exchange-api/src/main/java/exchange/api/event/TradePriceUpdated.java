package exchange.api.event;

import java.math.BigDecimal;

/** The last traded price of a symbol after a run of engine commands that traded (seed: 成交价格). */
public record TradePriceUpdated(String symbol, long sequence, long tradeId, BigDecimal price) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.MATCH;
    }

    @Override
    public String key() {
        return symbol;
    }
}
