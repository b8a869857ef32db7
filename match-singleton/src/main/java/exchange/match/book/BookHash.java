package exchange.match.book;

/** The state hash both the fast and the reference book compute: same book, same number. */
public final class BookHash {
    private BookHash() {
    }

    public static long mix(long h, Side side, long price, long id, long userId, long remaining) {
        h = h * 1_000_003L + side.ordinal();
        h = h * 1_000_003L + price;
        h = h * 1_000_003L + id;
        h = h * 1_000_003L + userId;
        return h * 1_000_003L + remaining;
    }
}
