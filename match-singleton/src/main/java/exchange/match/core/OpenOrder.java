package exchange.match.core;

import exchange.match.book.Side;

/**
 * What the core knows of an order while it is open, beside the book's own record: whose account
 * pays, and what it still holds frozen for it. A buy limit holds its reserve price (its limit
 * price unless it names a higher one, as exchange-core's bids do) times its remaining lots; a
 * fill below the reserve gives the difference back at once. Pooled: reused once an order ends.
 */
final class OpenOrder {
    long id;
    Account account;
    Market market;
    Side side;
    /** Ticks a buy limit holds per lot; 0 for sells and quote-sized buys. */
    long reserve;
    /** Frozen for this order and not yet spent or released, in the held asset's units. */
    long held;
    OpenOrder nextFree;
}
