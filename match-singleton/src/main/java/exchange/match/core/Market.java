package exchange.match.core;

import exchange.match.book.OrderBook;

/**
 * A market as the core trades it: its book, its two assets, and how its ticks and lots become
 * asset units (a lot is {@code baseUnitsPerLot} units of the base asset; one tick times one lot is
 * {@code quoteUnitsPerTickLot} units of the quote asset). Rates are parts of {@link Fees#ONE}.
 */
final class Market {
    final int id;
    final int base;
    final int quote;
    final long baseUnitsPerLot;
    final long quoteUnitsPerTickLot;
    long makerRate;
    long takerRate;
    /** How far above the book's price a market buy by quantity may pay (parts of Fees.ONE). */
    final long marketBuyMargin;
    final OrderBook book = new OrderBook();
    boolean halted;
    long lastTradeId;
    /** Commands that reached this market's book: the market data's own sequence (depth updates follow it without gaps). */
    long commands;

    Market(int id, int base, int quote, long baseUnitsPerLot, long quoteUnitsPerTickLot, long makerRate,
           long takerRate, long marketBuyMargin) {
        this.id = id;
        this.base = base;
        this.quote = quote;
        this.baseUnitsPerLot = baseUnitsPerLot;
        this.quoteUnitsPerTickLot = quoteUnitsPerTickLot;
        this.makerRate = makerRate;
        this.takerRate = takerRate;
        this.marketBuyMargin = marketBuyMargin;
    }
}
