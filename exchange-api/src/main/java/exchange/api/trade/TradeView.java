package exchange.api.trade;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One fill as one of its two sides sees it. */
public record TradeView(long tradeId, String symbol, long orderId, String side, BigDecimal price, BigDecimal quantity,
                        BigDecimal quoteQuantity, BigDecimal fee, String feeAsset, boolean maker, Instant time)
        implements Serializable {
}
