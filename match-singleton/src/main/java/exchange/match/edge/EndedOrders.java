package exchange.match.edge;

import org.eclipse.collections.impl.map.mutable.primitive.LongLongHashMap;

/**
 * Whose the orders were that ended lately (the last 262 144), so that a cancel of an order that
 * just filled is answered ORDER_NOT_OPEN at once instead of waiting for the projection to write its
 * row. Written by the engine's thread as results come, read by request threads.
 */
final class EndedOrders {
    private final long[] ring;
    private final LongLongHashMap ownerOf;
    private int next;

    EndedOrders(int capacity) {
        ring = new long[capacity];
        ownerOf = new LongLongHashMap(capacity);
    }

    synchronized void ended(long orderId, long userId) {
        long evicted = ring[next];
        if (evicted != 0) {
            ownerOf.remove(evicted);
        }
        ring[next] = orderId;
        next = (next + 1) % ring.length;
        ownerOf.put(orderId, userId);
    }

    /** True when the order ended lately and was this user's. */
    synchronized boolean endedFor(long orderId, long userId) {
        return ownerOf.getIfAbsent(orderId, -1) == userId;
    }
}
