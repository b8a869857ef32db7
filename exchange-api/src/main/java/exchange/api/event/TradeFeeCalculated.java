package exchange.api.event;

import java.math.BigDecimal;

/**
 * One side of a trade as its owner sees it (seed: 手续费计算): the fee it paid in the asset it
 * received, the fill, and its order's totals and state right after this fill — what a trader's
 * execution report needs without reading the order back.
 *
 * @param orderStatus PARTIALLY_FILLED, or FILLED on the fill that completed the order
 */
public record TradeFeeCalculated(long tradeId, String symbol, long userId, long orderId, String asset, BigDecimal fee,
                                 boolean maker, BigDecimal price, BigDecimal quantity, BigDecimal executedQuantity,
                                 BigDecimal cumulativeQuoteQuantity, String orderStatus) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return symbol;
    }
}
