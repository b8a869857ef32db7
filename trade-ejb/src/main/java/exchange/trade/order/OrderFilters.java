package exchange.trade.order;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.EngineUnits;
import exchange.api.trade.OrderRequest;
import exchange.trade.market.Symbol;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The symbol's filters (price tick, quantity step, minimum notional) and the allowed
 * combinations of side, type and time in force; and what each valid order may spend, for the
 * trading limits (the engine holds the funds).
 */
final class OrderFilters {
    /** Keeps price x quantity inside DECIMAL(36,18), and (with the listing's check) ticks and lots inside long. */
    static final BigDecimal MAX_PRICE = EngineUnits.MAX_PRICE;
    static final BigDecimal MAX_QUANTITY = EngineUnits.MAX_QUANTITY;
    private static final Set<String> SIDES = Set.of("BUY", "SELL");
    private static final Set<String> TYPES = Set.of("LIMIT", "LIMIT_MAKER", "MARKET");
    private static final Set<String> TIFS = Set.of("GTC", "IOC", "FOK");
    private static final Set<String> STPS = Set.of("EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "NONE");

    private OrderFilters() {
    }

    /**
     * @param protection for a MARKET buy by quantity: the highest price it may pay for that
     *                   quantity (it throws when the book cannot price it)
     */
    static ValidOrder check(Symbol symbol, OrderRequest r, java.util.function.Function<BigDecimal, BigDecimal> protection) {
        String side = oneOf(r.side(), SIDES, ErrorCode.INVALID_ORDER, "side");
        String type = oneOf(r.type(), TYPES, ErrorCode.INVALID_ORDER, "type");
        String stp = r.selfTradePrevention() == null ? "EXPIRE_TAKER"
                : oneOf(r.selfTradePrevention(), STPS, ErrorCode.INVALID_ORDER, "selfTradePrevention");
        boolean buy = side.equals("BUY");
        if (type.equals("MARKET")) {
            if (r.price() != null || r.timeInForce() != null) {
                throw new BusinessException(ErrorCode.INVALID_ORDER, "A MARKET order takes no price and no timeInForce.");
            }
            if (buy && r.quoteQuantity() == null) {
                if (r.quantity() == null) {
                    throw new BusinessException(ErrorCode.INVALID_ORDER, "A MARKET buy gives quantity or quoteQuantity.");
                }
                // By quantity: the engine prices it as an IOC bounded by a protection price; the
                // same price here bounds what it may spend, for the trading limits.
                BigDecimal qty = quantity(symbol, r.quantity());
                BigDecimal cap = protection.apply(qty);
                return new ValidOrder(symbol.symbol(), side, type, "IOC", stp, cap, qty, null, symbol.quoteAsset(),
                        cap.multiply(qty));
            }
            if (buy) {
                if (r.quantity() != null) {
                    throw new BusinessException(ErrorCode.INVALID_ORDER, "A MARKET buy gives quantity or quoteQuantity, not both.");
                }
                BigDecimal quote = r.quoteQuantity();
                if (quote.signum() <= 0 || quote.stripTrailingZeros().scale() > 18
                        || quote.compareTo(MAX_PRICE.multiply(MAX_QUANTITY)) > 0) {
                    throw new BusinessException(ErrorCode.INVALID_QUANTITY, "quoteQuantity must be positive and in range.");
                }
                if (EngineUnits.quoteUnits(quote, symbol.priceTick(), symbol.quantityStep()) < 0) {
                    throw new BusinessException(ErrorCode.INVALID_QUANTITY, "quoteQuantity must buy at least one step at one tick and be at most "
                            + EngineUnits.MAX_UNITS + " tick x step units of this market.");
                }
                return new ValidOrder(symbol.symbol(), side, type, "IOC", stp, null, null, quote, symbol.quoteAsset(), quote);
            }
            if (r.quoteQuantity() != null) {
                throw new BusinessException(ErrorCode.INVALID_ORDER, "A MARKET sell gives quantity, not quoteQuantity.");
            }
            BigDecimal qty = quantity(symbol, r.quantity());
            return new ValidOrder(symbol.symbol(), side, type, "IOC", stp, null, qty, null, symbol.baseAsset(), qty);
        }
        if (r.quoteQuantity() != null) {
            throw new BusinessException(ErrorCode.INVALID_ORDER, "quoteQuantity is for MARKET buys only.");
        }
        String tif = type.equals("LIMIT_MAKER") ? "GTC"
                : oneOf(r.timeInForce() == null ? "GTC" : r.timeInForce(), TIFS, ErrorCode.INVALID_ORDER, "timeInForce");
        if (type.equals("LIMIT_MAKER") && r.timeInForce() != null && !r.timeInForce().equals("GTC")) {
            throw new BusinessException(ErrorCode.INVALID_ORDER, "LIMIT_MAKER rests or is rejected: no IOC or FOK.");
        }
        BigDecimal price = price(symbol, r.price());
        BigDecimal qty = quantity(symbol, r.quantity());
        BigDecimal notional = price.multiply(qty);
        if (notional.compareTo(symbol.minNotional()) < 0) {
            throw new BusinessException(ErrorCode.NOTIONAL_TOO_SMALL,
                    "Price x quantity " + notional.toPlainString() + " is below " + symbol.minNotional().toPlainString() + ".");
        }
        return buy
                ? new ValidOrder(symbol.symbol(), side, type, tif, stp, price, qty, null, symbol.quoteAsset(), notional)
                : new ValidOrder(symbol.symbol(), side, type, tif, stp, price, qty, null, symbol.baseAsset(), qty);
    }

    private static BigDecimal price(Symbol symbol, BigDecimal price) {
        if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0
                || EngineUnits.units(price, symbol.priceTick()) < 0) {
            throw new BusinessException(ErrorCode.INVALID_PRICE, "Price must be positive, at most 1e9 and a multiple of "
                    + symbol.priceTick().stripTrailingZeros().toPlainString() + ".");
        }
        return price;
    }

    private static BigDecimal quantity(Symbol symbol, BigDecimal qty) {
        if (qty == null || qty.signum() <= 0 || qty.compareTo(MAX_QUANTITY) > 0
                || EngineUnits.units(qty, symbol.quantityStep()) < 0) {
            throw new BusinessException(ErrorCode.INVALID_QUANTITY, "Quantity must be positive, at most 1e9 and a multiple of "
                    + symbol.quantityStep().stripTrailingZeros().toPlainString() + ".");
        }
        return qty;
    }

    private static String oneOf(String value, Set<String> allowed, ErrorCode code, String field) {
        if (value == null || !allowed.contains(value)) {
            throw new BusinessException(code, field + " must be one of " + allowed + ".");
        }
        return value;
    }
}
