package exchange.api.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where decimals become the engine's {@code long} units, and the proof that they fit: a price in
 * ticks, a quantity in lots and a quote budget in tick x lot units are each at most
 * {@link #MAX_UNITS} (1e18, below {@code Long.MAX_VALUE} ~ 9.2e18).
 *
 * <p>A listing is accepted only if the largest price and quantity an order may carry fit in its
 * tick and step ({@link #listable}); an order's budget is checked against its market
 * ({@link #quoteUnits}). The engine converts with the same methods and rejects what does not fit
 * instead of failing on it.
 */
public final class EngineUnits {
    public static final BigDecimal MAX_PRICE = new BigDecimal("1e9");
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1e9");
    public static final long MAX_UNITS = 1_000_000_000_000_000_000L;
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_UNITS);

    private EngineUnits() {
    }

    /** Whether every price up to MAX_PRICE and quantity up to MAX_QUANTITY fits in this tick and step. */
    public static boolean listable(BigDecimal tick, BigDecimal step) {
        return tick.signum() > 0 && step.signum() > 0
                && MAX_PRICE.divide(tick, 0, RoundingMode.CEILING).compareTo(MAX) <= 0
                && MAX_QUANTITY.divide(step, 0, RoundingMode.CEILING).compareTo(MAX) <= 0;
    }

    /** {@code amount / unit} as whole units, or -1 when it is not whole, not positive or above MAX_UNITS. */
    public static long units(BigDecimal amount, BigDecimal unit) {
        BigDecimal[] qr = amount.divideAndRemainder(unit);
        if (qr[1].signum() != 0 || qr[0].signum() <= 0 || qr[0].compareTo(MAX) > 0) {
            return -1;
        }
        return qr[0].longValueExact();
    }

    /** A quote budget in tick x lot units (rounded down), or -1 when it is below one unit or above MAX_UNITS. */
    public static long quoteUnits(BigDecimal quote, BigDecimal tick, BigDecimal step) {
        BigDecimal units = quote.divide(tick.multiply(step), 0, RoundingMode.DOWN);
        if (units.signum() <= 0 || units.compareTo(MAX) > 0) {
            return -1;
        }
        return units.longValueExact();
    }
}
