package exchange.match.book;

/** A resting order, linked into its price level in time priority. Pooled: reused, never freed. */
final class RestingOrder {
    long id;
    long userId;
    long remaining;
    Side side;
    SelfTradePrevention stp;
    PriceLevel level;
    RestingOrder prev;
    RestingOrder next;
}
