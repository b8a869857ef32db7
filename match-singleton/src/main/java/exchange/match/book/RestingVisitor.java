package exchange.match.book;

/** Receives a book's resting orders one by one, for snapshots. */
@FunctionalInterface
public interface RestingVisitor {
    void order(long orderId, long userId, Side side, long price, long remaining, SelfTradePrevention stp);
}
