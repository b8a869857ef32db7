package exchange.match.book;

import java.util.Arrays;

/**
 * One side's price levels in a sorted array with the best price at the end: taking or adding at
 * the best price, the common case, moves nothing; elsewhere one array copy. The sort keys (the
 * price, negated for asks so that the best is always the largest key) sit in a primitive array
 * parallel to the levels, so a search reads one small array and no level objects. Searches start
 * at the best end, where most of the activity is, and fall back to a binary search further down.
 */
final class BookSide {
    /** How many of the best levels are scanned one by one before a binary search of the rest. */
    private static final int LINEAR = 8;

    private final boolean bids;
    private long[] keys = new long[256];
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

    /**
     * Index of key {@code k}, or {@code -(insertion point + 1)} when no level has it, like
     * {@link Arrays#binarySearch(long[], long)}. The few best levels are tried one by one; below
     * them a binary search whose steps are conditional moves rather than branches (the levels a
     * search ends at are spread over the whole side, so those branches would be guesses).
     */
    private int search(long k) {
        long[] ks = keys;
        int hi = size - 1;
        int stop = Math.max(hi - LINEAR, -1);
        for (; hi > stop; hi--) {
            long x = ks[hi];
            if (x <= k) {
                return x == k ? hi : -(hi + 2);
            }
        }
        // every key above hi is larger than k: find the last key <= k among ks[0..hi]
        int n = hi + 1;
        if (n == 0) {
            return -1;
        }
        int base = 0;
        while (n > 1) {
            int half = n >>> 1;
            base = ks[base + half] <= k ? base + half : base;
            n -= half;
        }
        // base holds the last key <= k, or is 0 when every key is larger
        long x = ks[base];
        if (x == k) {
            return base;
        }
        return x > k ? -(base + 1) : -(base + 2);
    }

    PriceLevel levelFor(long price) {
        long k = key(price);
        int i = search(k);
        if (i >= 0) {
            return levels[i];
        }
        int at = -(i + 1);
        if (size == levels.length) {
            levels = Arrays.copyOf(levels, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int tail = size - at;
        if (tail > 0) {
            System.arraycopy(levels, at, levels, at + 1, tail);
            System.arraycopy(keys, at, keys, at + 1, tail);
        }
        PriceLevel level = pooled > 0 ? pool[--pooled] : new PriceLevel();
        level.price = price;
        level.total = 0;
        level.head = null;
        level.tail = null;
        levels[at] = level;
        keys[at] = k;
        size++;
        return level;
    }

    void remove(PriceLevel level) {
        removeAt(search(key(level.price)));
    }

    private void removeAt(int i) {
        PriceLevel level = levels[i];
        int tail = size - i - 1;
        if (tail > 0) {
            System.arraycopy(levels, i + 1, levels, i, tail);
            System.arraycopy(keys, i + 1, keys, i, tail);
        }
        levels[--size] = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }

    /**
     * Moves the only order of {@code level} to {@code newPrice}. A move is usually a short step, so
     * the new place is found by walking from the level's own place: when a level already has the
     * new price the order joins it at its back and this level is removed; otherwise the level
     * itself takes the new price and slides to its new place (one copy of the levels it passes,
     * none if it keeps its place). Either way the book ends as if the order had been unlinked and
     * appended at the new price.
     */
    void repriceLoneOrder(PriceLevel level, RestingOrder order, long newPrice) {
        long[] ks = keys;
        PriceLevel[] ls = levels;
        int i = search(key(level.price));
        long k = key(newPrice);
        int j = i;
        if (k > ks[i]) {
            while (j + 1 < size && ks[j + 1] < k) {
                j++;
            }
            if (j + 1 < size && ks[j + 1] == k) {
                join(i, level, order, ls[j + 1]);
                return;
            }
            // levels i+1 .. j move down one place
            if (j > i) {
                System.arraycopy(ls, i + 1, ls, i, j - i);
                System.arraycopy(ks, i + 1, ks, i, j - i);
            }
        } else if (k < ks[i]) {
            while (j > 0 && ks[j - 1] > k) {
                j--;
            }
            if (j > 0 && ks[j - 1] == k) {
                join(i, level, order, ls[j - 1]);
                return;
            }
            // levels j .. i-1 move up one place
            if (j < i) {
                System.arraycopy(ls, j, ls, j + 1, i - j);
                System.arraycopy(ks, j, ks, j + 1, i - j);
            }
        } else {
            return; // same price: unlinking and appending again changes nothing
        }
        ls[j] = level;
        ks[j] = k;
        level.price = newPrice;
    }

    private void join(int i, PriceLevel level, RestingOrder order, PriceLevel target) {
        level.unlink(order);
        removeAt(i);
        target.append(order);
    }
}
