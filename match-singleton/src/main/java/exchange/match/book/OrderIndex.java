package exchange.match.book;

import java.util.Arrays;

/**
 * Order id to resting order: open addressing with linear probing and backward-shift deletion,
 * so lookups and removals allocate nothing and leave no tombstones.
 */
final class OrderIndex {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private RestingOrder[] values;
    private int mask;
    private int size;

    OrderIndex(int capacityPowerOfTwo) {
        keys = new long[capacityPowerOfTwo];
        values = new RestingOrder[capacityPowerOfTwo];
        Arrays.fill(keys, EMPTY);
        mask = capacityPowerOfTwo - 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    RestingOrder get(long key) {
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    void put(long key, RestingOrder value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    void remove(long key) {
        int i = slot(key);
        while (keys[i] != key) {
            if (keys[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Shift later entries of the same probe run back into the hole.
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        RestingOrder[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new RestingOrder[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
