package exchange.match.book;

/**
 * Order id to resting order: open addressing with linear probing over a power-of-two table of the
 * orders themselves (the id is read from the order, so a lookup touches one table slot and the
 * order it needs anyway), Fibonacci hashing, and backward-shift deletion, so lookups and removals
 * allocate nothing and leave no tombstones. Kept at most half full.
 */
final class OrderIndex {
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
    private RestingOrder[] table;
    private int mask;
    private int shift;
    private int size;

    OrderIndex(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1 || capacityPowerOfTwo < 2) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2: " + capacityPowerOfTwo);
        }
        allocate(capacityPowerOfTwo);
    }

    private void allocate(int capacity) {
        table = new RestingOrder[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        return (int) ((key * FIBONACCI) >>> shift);
    }

    RestingOrder get(long key) {
        RestingOrder[] t = table;
        int m = mask;
        for (int i = slot(key); ; i = (i + 1) & m) {
            RestingOrder o = t[i];
            if (o == null || o.id == key) {
                return o;
            }
        }
    }

    /** Adds an order whose id is not in the index yet (the book checks for duplicates first). */
    void put(RestingOrder order) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        RestingOrder[] t = table;
        int m = mask;
        int i = slot(order.id);
        while (t[i] != null) {
            i = (i + 1) & m;
        }
        t[i] = order;
        size++;
    }

    /** Removes this order (found by identity, so no id comparisons on the way). */
    void remove(RestingOrder order) {
        RestingOrder[] t = table;
        int m = mask;
        int i = slot(order.id);
        while (t[i] != order) {
            if (t[i] == null) {
                return;
            }
            i = (i + 1) & m;
        }
        size--;
        // Shift later entries of the same probe run back into the hole.
        int hole = i;
        RestingOrder o;
        for (int j = (hole + 1) & m; (o = t[j]) != null; j = (j + 1) & m) {
            int home = slot(o.id);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                t[hole] = o;
                hole = j;
            }
        }
        t[hole] = null;
    }

    int size() {
        return size;
    }

    private void grow() {
        RestingOrder[] old = table;
        allocate(old.length * 2);
        size = 0;
        for (RestingOrder o : old) {
            if (o != null) {
                put(o);
            }
        }
    }
}
