package exchange.match.book;

/**
 * Receives the book's results in order, as primitives so the hot path allocates nothing. The
 * same commands always produce the same calls in the same order.
 */
public interface MatchListener {
    /** A fill between a resting maker and the incoming taker, at the maker's price. */
    void trade(long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
               long price, long quantity);

    /** The remainder of an order now rests on the book. */
    void rested(long orderId, long userId, Side side, long price, long remaining);

    /**
     * The order is finished: fully filled, canceled, expired or rejected. {@code remaining} is the
     * unfilled quantity (for MARKET_QUOTE: the unspent quote amount).
     */
    void done(long orderId, long userId, DoneReason reason, long remaining);
}
