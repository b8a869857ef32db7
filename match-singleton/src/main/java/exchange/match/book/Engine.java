package exchange.match.book;

/**
 * One symbol's book as the engine host drives it. Prices are in ticks, quantities in lots (the
 * symbol's price tick and quantity step), quote amounts in ticks x lots; the trade service
 * converts at the edge. Implementations are single-threaded and deterministic.
 */
public interface Engine {
    /**
     * @param price    limit price in ticks (ignored for MARKET and MARKET_QUOTE)
     * @param quantity lots to buy or sell (ignored for MARKET_QUOTE)
     * @param quote    quote amount to spend, in ticks x lots (MARKET_QUOTE only)
     */
    void place(long orderId, long userId, Side side, OrderType type, TimeInForce tif, long price, long quantity,
               long quote, SelfTradePrevention stp, MatchListener out);

    void cancel(long orderId, long userId, MatchListener out);

    /**
     * Moves a resting order to a new price: it leaves the book, takes liquidity at the new price
     * if it crosses (with its own self-trade mode), and rests the remainder at the back of the
     * new level. Time priority is lost, as in exchange-core.
     */
    void move(long orderId, long userId, long newPrice, MatchListener out);

    /**
     * Copies up to {@code prices.length} levels of one side, best first, into the arrays and
     * returns how many were copied.
     */
    int depth(Side side, long[] prices, long[] quantities, int[] orders);

    /** A hash of every resting order in priority order: equal books have equal hashes. */
    long stateHash();

    int restingOrders();
}
