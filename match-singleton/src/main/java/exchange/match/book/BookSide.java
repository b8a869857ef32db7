package exchange.match.book;

/**
 * One side's price levels in a sorted array with the best price at the end: taking or adding at
 * the best price, the common case, moves nothing; elsewhere a binary search and one array copy.
 */
final class BookSide {
    private final boolean bids;
    private PriceLevel[] levels = new PriceLevel[256];
    private int size;
    private PriceLevel[] pool = new PriceLevel[256];
    private int pooled;

    BookSide(Side side) {
        this.bids = side == Side.BUY;
    }

    PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** Levels from best to worst: index 0 is the best. */
    PriceLevel fromBest(int i) {
        return levels[size - 1 - i];
    }

    int size() {
        return size;
    }

    /** Bids sort ascending and asks descending, so the best price is always the largest key. */
    private long key(long price) {
        return bids ? price : -price;
    }

    private int search(long price) {
        long k = key(price);
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long midKey = key(levels[mid].price);
            if (midKey < k) {
                lo = mid + 1;
            } else if (midKey > k) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    PriceLevel levelFor(long price) {
        int i = search(price);
        if (i >= 0) {
            return levels[i];
        }
        int at = -(i + 1);
        if (size == levels.length) {
            levels = java.util.Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(levels, at, levels, at + 1, size - at);
        PriceLevel level = pooled > 0 ? pool[--pooled] : new PriceLevel();
        level.price = price;
        level.total = 0;
        level.head = null;
        level.tail = null;
        levels[at] = level;
        size++;
        return level;
    }

    void remove(PriceLevel level) {
        int i = search(level.price);
        System.arraycopy(levels, i + 1, levels, i, size - i - 1);
        levels[--size] = null;
        if (pooled == pool.length) {
            pool = java.util.Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }
}
