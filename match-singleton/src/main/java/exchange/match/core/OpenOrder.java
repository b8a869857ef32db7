package exchange.match.core;

import exchange.match.book.OrderType;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;

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
    OrderType type;
    TimeInForce tif;
    /** Limit price in ticks (0 for market orders). */
    long price;
    /** Lots ordered (0 for a quote-sized buy), and filled so far. */
    long lots;
    long executed;
    /** Quote units paid or received so far (executed x prices x quote units per tick-lot). */
    long quoteFilled;
    /** For a quote-sized buy, its budget in tick x lot units. */
    long budget;
    String clientOrderId;
    /** Epoch milliseconds of the command that placed it (the sequencer's clock). */
    long createdAt;
    OpenOrder prevOfUser;
    OpenOrder nextOfUser;
    /** Ticks a buy limit holds per lot; 0 for sells and quote-sized buys. */
    long reserve;
    /** Frozen for this order and not yet spent or released, in the held asset's units. */
    long held;
    OpenOrder nextFree;
}
