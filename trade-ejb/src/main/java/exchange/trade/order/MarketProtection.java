package exchange.trade.order;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.OrderBookDepth;
import exchange.trade.market.Symbol;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prices a MARKET buy by quantity for the trading limits: walks the engine's asks to the level that
 * completes the quantity and allows a margin above it (default 5%), as the engine does when it
 * prices the order and holds quantity x that price. No liquidity: NO_LIQUIDITY, as before.
 */
@Stateless
public class MarketProtection {
    @EJB
    private OrderBookDepth depth;
    @Inject
    @ConfigProperty(name = "exchange.trade.market-protection", defaultValue = "0.05")
    private BigDecimal margin;

    public BigDecimal priceFor(Symbol symbol, BigDecimal quantity) {
        BigDecimal needed = quantity;
        BigDecimal worst = null;
        for (OrderBookDepth.Level level : depth.depth(symbol.symbol(), 1000).asks()) {
            worst = level.price();
            needed = needed.subtract(level.quantity());
            if (needed.signum() <= 0) {
                break;
            }
        }
        if (worst == null) {
            throw new BusinessException(ErrorCode.NO_LIQUIDITY);
        }
        BigDecimal cap = worst.multiply(BigDecimal.ONE.add(margin));
        return cap.divide(symbol.priceTick(), 0, RoundingMode.DOWN).multiply(symbol.priceTick()).max(worst);
    }
}
