package exchange.match.book;

/** All resting orders at one price, oldest first. Pooled. */
final class PriceLevel {
    long price;
    long total;
    /** Orders resting here: kept, so the depth feed does not walk every order per look. */
    int count;
    RestingOrder head;
    RestingOrder tail;

    void append(RestingOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        total += order.remaining;
        count++;
    }

    void unlink(RestingOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        total -= order.remaining;
        count--;
        order.prev = null;
        order.next = null;
        order.level = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
