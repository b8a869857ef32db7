package exchange.api.trade;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

public record OrderView(long orderId, String clientOrderId, String symbol, String side, String type,
                        String timeInForce, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity,
                        BigDecimal executedQuantity, BigDecimal cumulativeQuoteQuantity, String status,
                        String selfTradePrevention, Instant createdAt, Instant updatedAt) implements Serializable {
}
