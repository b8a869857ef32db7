package exchange.match.edge;

import exchange.match.book.OrderBook;
import exchange.match.book.Side;

/**
 * Finds which price levels changed since the last look by comparing the top of the book with
 * the top it saw then. Cheaper than tracking every touch on the hot path: it runs once per batch
 * of commands, not once per command. Levels beyond {@link #LEVELS} are not tracked, so a client
 * keeping a book from the updates holds the top {@value #LEVELS} levels.
 */
final class DepthTracker {
    static final int LEVELS = 1000;

    interface Change {
        void level(Side side, long price, long quantity);
    }

    private final OrderBook book;
    private final Top[] seen = {new Top(), new Top()};
    private final Top now = new Top();

    DepthTracker(OrderBook book) {
        this.book = book;
    }

    private static final class Top {
        final long[] prices = new long[LEVELS];
        final long[] quantities = new long[LEVELS];
        final int[] orders = new int[LEVELS];
        int size;
    }

    /** Reports each changed level (quantity 0: gone), best first, and remembers the new top. */
    void changes(Change out) {
        for (Side side : Side.values()) {
            Top before = seen[side.ordinal()];
            now.size = book.depth(side, now.prices, now.quantities, now.orders);
            // Both lists run best first: bids by falling price, asks by rising price.
            long sign = side == Side.BUY ? -1 : 1;
            int i = 0;
            int j = 0;
            while (i < before.size || j < now.size) {
                long a = i < before.size ? before.prices[i] * sign : Long.MAX_VALUE;
                long b = j < now.size ? now.prices[j] * sign : Long.MAX_VALUE;
                if (a < b) {
                    out.level(side, before.prices[i++], 0);
                } else if (b < a) {
                    out.level(side, now.prices[j], now.quantities[j++]);
                } else {
                    if (before.quantities[i] != now.quantities[j]) {
                        out.level(side, now.prices[j], now.quantities[j]);
                    }
                    i++;
                    j++;
                }
            }
            remember(side);
        }
    }

    /** Takes the current top as seen, without reporting anything (after a snapshot restore). */
    void reset() {
        for (Side side : Side.values()) {
            now.size = book.depth(side, now.prices, now.quantities, now.orders);
            remember(side);
        }
    }

    private void remember(Side side) {
        Top t = seen[side.ordinal()];
        System.arraycopy(now.prices, 0, t.prices, 0, now.size);
        System.arraycopy(now.quantities, 0, t.quantities, 0, now.size);
        System.arraycopy(now.orders, 0, t.orders, 0, now.size);
        t.size = now.size;
    }

    /** A copy of the levels last seen, which other threads may read while the book moves on. */
    View view(long sequence) {
        return new View(sequence, Levels.of(seen[Side.BUY.ordinal()]), Levels.of(seen[Side.SELL.ordinal()]));
    }

    record View(long sequence, Levels bids, Levels asks) {
    }

    record Levels(long[] prices, long[] quantities, int[] orders) {
        static Levels of(Top t) {
            return new Levels(java.util.Arrays.copyOf(t.prices, t.size), java.util.Arrays.copyOf(t.quantities, t.size),
                    java.util.Arrays.copyOf(t.orders, t.size));
        }
    }
}
