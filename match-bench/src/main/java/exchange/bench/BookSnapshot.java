package exchange.bench;

import exchange.core2.core.common.L2MarketData;
import exchange.match.book.OrderBook;
import exchange.match.book.Side;

import java.util.Arrays;

/**
 * One book's complete L2 view (every level of both sides, best first: price, total lots, order
 * count) in a form both engines can be reduced to. Equal snapshots after the same stream are the
 * evidence that the two engines did the same work, not merely the same number of calls.
 */
final class BookSnapshot {
    final long[] bidPrices;
    final long[] bidVolumes;
    final long[] bidOrders;
    final long[] askPrices;
    final long[] askVolumes;
    final long[] askOrders;

    private BookSnapshot(long[] bidPrices, long[] bidVolumes, long[] bidOrders,
                         long[] askPrices, long[] askVolumes, long[] askOrders) {
        this.bidPrices = bidPrices;
        this.bidVolumes = bidVolumes;
        this.bidOrders = bidOrders;
        this.askPrices = askPrices;
        this.askVolumes = askVolumes;
        this.askOrders = askOrders;
    }

    static BookSnapshot of(OrderBook book) {
        // There are never more levels than resting orders.
        int capacity = Math.max(1, book.restingOrders());
        long[][] bids = side(book, Side.BUY, capacity);
        long[][] asks = side(book, Side.SELL, capacity);
        return new BookSnapshot(bids[0], bids[1], bids[2], asks[0], asks[1], asks[2]);
    }

    private static long[][] side(OrderBook book, Side side, int capacity) {
        long[] prices = new long[capacity];
        long[] quantities = new long[capacity];
        int[] orders = new int[capacity];
        int n = book.depth(side, prices, quantities, orders);
        long[] orderCounts = new long[n];
        for (int i = 0; i < n; i++) {
            orderCounts[i] = orders[i];
        }
        return new long[][] {Arrays.copyOf(prices, n), Arrays.copyOf(quantities, n), orderCounts};
    }

    static BookSnapshot of(L2MarketData l2) {
        return new BookSnapshot(
                Arrays.copyOf(l2.bidPrices, l2.bidSize), Arrays.copyOf(l2.bidVolumes, l2.bidSize),
                Arrays.copyOf(l2.bidOrders, l2.bidSize),
                Arrays.copyOf(l2.askPrices, l2.askSize), Arrays.copyOf(l2.askVolumes, l2.askSize),
                Arrays.copyOf(l2.askOrders, l2.askSize));
    }

    int levels() {
        return bidPrices.length + askPrices.length;
    }

    long orders() {
        return Arrays.stream(bidOrders).sum() + Arrays.stream(askOrders).sum();
    }

    String describe() {
        return String.format("%d bid levels, %d ask levels, %d resting orders, best bid %s, best ask %s",
                bidPrices.length, askPrices.length, orders(),
                bidPrices.length > 0 ? bidPrices[0] : "-", askPrices.length > 0 ? askPrices[0] : "-");
    }

    /** The first difference between two books, or null if they are the same. */
    static String firstDifference(String leftName, BookSnapshot left, String rightName, BookSnapshot right) {
        String d = firstDifference("bid", leftName, left.bidPrices, left.bidVolumes, left.bidOrders,
                rightName, right.bidPrices, right.bidVolumes, right.bidOrders);
        return d != null ? d : firstDifference("ask", leftName, left.askPrices, left.askVolumes, left.askOrders,
                rightName, right.askPrices, right.askVolumes, right.askOrders);
    }

    private static String firstDifference(String side, String leftName, long[] lp, long[] lv, long[] lo,
                                          String rightName, long[] rp, long[] rv, long[] ro) {
        int n = Math.min(lp.length, rp.length);
        for (int i = 0; i < n; i++) {
            if (lp[i] != rp[i] || lv[i] != rv[i] || lo[i] != ro[i]) {
                return String.format("%s level %d: %s has price %d, %d lots in %d orders; %s has price %d, %d lots in %d orders",
                        side, i, leftName, lp[i], lv[i], lo[i], rightName, rp[i], rv[i], ro[i]);
            }
        }
        if (lp.length != rp.length) {
            return String.format("%s side: %s has %d levels, %s has %d (first %d agree)",
                    side, leftName, lp.length, rightName, rp.length, n);
        }
        return null;
    }
}
