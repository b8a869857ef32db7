package exchange.api.event;

import java.math.BigDecimal;

/** The fee one side of a trade paid, in the asset it received. */
public record TradeFeeCalculated(long tradeId, String symbol, long userId, long orderId, String asset, BigDecimal fee,
                                 boolean maker) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return symbol;
    }
}
