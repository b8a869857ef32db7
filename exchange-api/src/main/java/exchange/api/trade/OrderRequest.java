package exchange.api.trade;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What a trader asks for. {@code type} is LIMIT, LIMIT_MAKER or MARKET; {@code timeInForce} GTC,
 * IOC or FOK (LIMIT only); a MARKET buy gives {@code quantity} or {@code quoteQuantity}, a MARKET
 * sell {@code quantity}; {@code selfTradePrevention} defaults to EXPIRE_TAKER.
 */
public record OrderRequest(long userId, String symbol, String side, String type, String timeInForce,
                           BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, String clientOrderId,
                           String selfTradePrevention) implements Serializable {
}
