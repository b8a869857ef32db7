package exchange.match.edge;

import exchange.api.trade.EngineUnits;
import exchange.match.journal.Directory;
import java.math.BigDecimal;

/**
 * Where the exchange's decimals become the core's longs and back, at the engine's edge, each
 * conversion exact or refused: an amount with more decimals than the asset's engine scale, or above
 * the core's bound, is -1 (the caller answers 4xx), never rounded on the way in.
 */
final class Units {
    private Units() {
    }

    /** A positive amount in the asset's units, or -1. */
    static long amount(Directory.AssetInfo asset, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return -1;
        }
        BigDecimal units = amount.movePointRight(asset.scale());
        if (units.compareTo(BigDecimal.valueOf(EngineUnits.MAX_UNITS)) > 0) {
            return -1;
        }
        try {
            return units.longValueExact();
        } catch (ArithmeticException notWhole) {
            return -1;
        }
    }

    /** Without trailing zeros (1.5, not 1.5000000000; 0, not 0E-10): what clients read back. */
    static BigDecimal amount(Directory.AssetInfo asset, long units) {
        return plain(BigDecimal.valueOf(units, asset.scale()));
    }

    static BigDecimal plain(BigDecimal v) {
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static long ticks(Directory.MarketInfo m, BigDecimal price) {
        return price == null ? -1 : EngineUnits.units(price, m.tick());
    }

    static long lots(Directory.MarketInfo m, BigDecimal quantity) {
        return quantity == null ? -1 : EngineUnits.units(quantity, m.step());
    }

    /** A quote budget in tick x lot units, rounded down (what cannot be spent in whole units is not held). */
    static long budget(Directory.MarketInfo m, BigDecimal quote) {
        return quote == null ? -1 : EngineUnits.quoteUnits(quote, m.tick(), m.step());
    }

    static BigDecimal price(Directory.MarketInfo m, long ticks) {
        return plain(m.tick().multiply(BigDecimal.valueOf(ticks)));
    }

    static BigDecimal quantity(Directory.MarketInfo m, long lots) {
        return plain(m.step().multiply(BigDecimal.valueOf(lots)));
    }

    static BigDecimal quote(Directory.MarketInfo m, long tickLots) {
        return plain(m.tick().multiply(m.step()).multiply(BigDecimal.valueOf(tickLots)));
    }

    /**
     * The core's per-unit sizes of a market, or null when its tick and step do not fit the assets'
     * engine scales: {baseUnitsPerLot, quoteUnitsPerTickLot}, each a whole number of at least 1.
     */
    static long[] marketUnits(Directory.AssetInfo base, Directory.AssetInfo quote, BigDecimal tick, BigDecimal step) {
        if (!EngineUnits.listable(tick, step)) {
            return null;
        }
        BigDecimal perLot = step.movePointRight(base.scale());
        BigDecimal perTickLot = tick.multiply(step).movePointRight(quote.scale());
        try {
            long a = perLot.longValueExact();
            long b = perTickLot.longValueExact();
            return a >= 1 && b >= 1 ? new long[] {a, b} : null;
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A fee rate as parts of 1e8 (the core's), or -1 when it has more than 8 decimals or is out of 0..1. */
    static long rate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            return -1;
        }
        try {
            return rate.movePointRight(8).longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
