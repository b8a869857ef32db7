package exchange.match.book;

import java.util.Arrays;

/**
 * One side's price levels on a price ladder cut into chunks of 64 consecutive ticks: each chunk
 * holds its levels in a slot per tick and a bit mask of the occupied slots, and the chunks sit in
 * a short array sorted by price. Finding, adding or removing a level is a chunk lookup (a few keys
 * scanned from the best end, where the activity is) and a slot; the next best level after the best
 * one goes is the highest bit left in the top chunk. Nothing is shifted when a level comes or goes,
 * except a chunk entry when a whole chunk does. Sort keys are the price, negated for asks, so the
 * best level always has the largest key. Levels and chunks are pooled.
 */
final class BookSide {
    private static final int BITS = 6;
    private static final int SLOTS = 1 << BITS;
    private static final long SLOT_MASK = SLOTS - 1;
    /** How many of the best chunks are scanned one by one before a binary search of the rest. */
    private static final int LINEAR = 8;

    /** 64 consecutive keys: {@code key = (chunkKey << BITS) + slot}. */
    private static final class Chunk {
        final PriceLevel[] slots = new PriceLevel[SLOTS];
        long occupied;
    }

    private final boolean bids;
    private long[] chunkKeys = new long[64];
    private Chunk[] chunks = new Chunk[64];
    private int chunkCount;
    private int size;
    private PriceLevel best;
    private long bestKey;
    private PriceLevel[] pool = new PriceLevel[256];
    private int pooled;
    private Chunk[] chunkPool = new Chunk[16];
    private int chunksPooled;

    BookSide(Side side) {
        this.bids = side == Side.BUY;
    }

    PriceLevel best() {
        return best;
    }

    /** The next level after {@code level}, best to worst, or null. */
    PriceLevel worse(PriceLevel level) {
        long k = key(level.price);
        int c = chunkIndex(k >> BITS);
        int s = (int) (k & SLOT_MASK);
        Chunk chunk = chunks[c];
        long below = chunk.occupied & ((1L << s) - 1);
        if (below != 0) {
            return chunk.slots[63 - Long.numberOfLeadingZeros(below)];
        }
        return c == 0 ? null : highest(chunks[c - 1]);
    }

    private static PriceLevel highest(Chunk chunk) {
        return chunk.slots[63 - Long.numberOfLeadingZeros(chunk.occupied)];
    }

    int size() {
        return size;
    }

    /** Bids sort ascending and asks descending, so the best price is always the largest key. */
    private long key(long price) {
        return bids ? price : -price;
    }

    /**
     * Index of chunk key {@code ck}, or {@code -(insertion point + 1)} when no chunk has it. First
     * a guess that holds when no chunk is missing between this one and the top; then the best
     * chunks are scanned one by one, the rest (if the side spans that many) binary searched.
     */
    private int chunkIndex(long ck) {
        long[] ks = chunkKeys;
        int hi = chunkCount - 1;
        // Near the touch every chunk is occupied, so the place is usually the distance from the top.
        long d = hi < 0 ? -1 : ks[hi] - ck;
        if (d >= 0 && d <= hi && ks[hi - (int) d] == ck) {
            return hi - (int) d;
        }
        int stop = Math.max(hi - LINEAR, -1);
        for (; hi > stop; hi--) {
            long x = ks[hi];
            if (x <= ck) {
                return x == ck ? hi : -(hi + 2);
            }
        }
        int lo = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long midKey = ks[mid];
            if (midKey < ck) {
                lo = mid + 1;
            } else if (midKey > ck) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The lots resting at this price (0 if no level): read without creating a level. */
    long totalAt(long price) {
        long k = key(price);
        int c = chunkIndex(k >> BITS);
        PriceLevel level = c >= 0 ? chunks[c].slots[(int) (k & SLOT_MASK)] : null;
        return level == null ? 0 : level.total;
    }

    PriceLevel levelFor(long price) {
        long k = key(price);
        int s = (int) (k & SLOT_MASK);
        int c = chunkIndex(k >> BITS);
        Chunk chunk;
        if (c >= 0) {
            chunk = chunks[c];
            PriceLevel level = chunk.slots[s];
            if (level != null) {
                return level;
            }
        } else {
            chunk = insertChunk(-(c + 1), k >> BITS);
        }
        PriceLevel level = pooled > 0 ? pool[--pooled] : new PriceLevel();
        level.price = price;
        level.total = 0;
        level.count = 0;
        level.head = null;
        level.tail = null;
        occupy(chunk, s, level, k);
        return level;
    }

    private void occupy(Chunk chunk, int s, PriceLevel level, long k) {
        chunk.slots[s] = level;
        chunk.occupied |= 1L << s;
        size++;
        if (best == null || k > bestKey) {
            best = level;
            bestKey = k;
        }
    }

    private Chunk insertChunk(int at, long ck) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkKeys = Arrays.copyOf(chunkKeys, chunkCount * 2);
        }
        int tail = chunkCount - at;
        if (tail > 0) {
            System.arraycopy(chunks, at, chunks, at + 1, tail);
            System.arraycopy(chunkKeys, at, chunkKeys, at + 1, tail);
        }
        Chunk chunk = chunksPooled > 0 ? chunkPool[--chunksPooled] : new Chunk();
        chunks[at] = chunk;
        chunkKeys[at] = ck;
        chunkCount++;
        return chunk;
    }

    /** Takes the level off the ladder (its price still set) without pooling it. */
    private void vacate(PriceLevel level) {
        long k = key(level.price);
        int c = chunkIndex(k >> BITS);
        Chunk chunk = chunks[c];
        int s = (int) (k & SLOT_MASK);
        chunk.slots[s] = null;
        chunk.occupied &= ~(1L << s);
        size--;
        if (chunk.occupied == 0) {
            int tail = chunkCount - c - 1;
            if (tail > 0) {
                System.arraycopy(chunks, c + 1, chunks, c, tail);
                System.arraycopy(chunkKeys, c + 1, chunkKeys, c, tail);
            }
            chunks[--chunkCount] = null;
            if (chunksPooled == chunkPool.length) {
                chunkPool = Arrays.copyOf(chunkPool, chunksPooled * 2);
            }
            chunkPool[chunksPooled++] = chunk;
        }
        if (level == best) {
            if (chunkCount == 0) {
                best = null;
            } else {
                best = highest(chunks[chunkCount - 1]);
                bestKey = key(best.price);
            }
        }
    }

    void remove(PriceLevel level) {
        vacate(level);
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }

    /**
     * Moves the only order of {@code level} to {@code newPrice}: when a level already has the new
     * price the order joins it at its back and this level is removed; otherwise the level itself
     * takes the new price and moves to its slot. Either way the book ends as if the order had been
     * unlinked and appended at the new price.
     */
    void repriceLoneOrder(PriceLevel level, RestingOrder order, long newPrice) {
        if (newPrice == level.price) {
            return; // unlinking and appending again changes nothing
        }
        long k = key(newPrice);
        int s = (int) (k & SLOT_MASK);
        int c = chunkIndex(k >> BITS);
        if (c >= 0) {
            PriceLevel target = chunks[c].slots[s];
            if (target != null) {
                level.unlink(order);
                remove(level);
                target.append(order);
                return;
            }
        }
        vacate(level); // may remove a chunk: look the new one up again
        level.price = newPrice;
        c = chunkIndex(k >> BITS);
        occupy(c >= 0 ? chunks[c] : insertChunk(-(c + 1), k >> BITS), s, level, k);
    }
}
