package exchange.match.book;

/**
 * The fast book: price-time priority over pooled orders and levels, an open-addressing id index,
 * no locks, no I/O and no allocation once its pools have grown to the book's size. Semantics are
 * pinned by the differential test against a plain reference book.
 */
public final class OrderBook implements Engine {
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);
    private final OrderIndex index = new OrderIndex(1 << 14);
    private RestingOrder free;

    private BookSide side(Side s) {
        return s == Side.BUY ? bids : asks;
    }

    private static boolean crosses(Side taker, long limit, long levelPrice) {
        return taker == Side.BUY ? levelPrice <= limit : levelPrice >= limit;
    }

    private BookSide opposite(Side s) {
        return s == Side.BUY ? asks : bids;
    }

    @Override
    public void place(long orderId, long userId, Side side, OrderType type, TimeInForce tif, long price, long quantity,
                      long quote, SelfTradePrevention stp, MatchListener out) {
        boolean byQuote = type == OrderType.MARKET_QUOTE;
        if (index.get(orderId) != null) {
            out.done(orderId, userId, DoneReason.DUPLICATE_ORDER_ID, byQuote ? quote : quantity);
            return;
        }
        if ((type == OrderType.LIMIT_MAKER || type == OrderType.LIMIT && tif == TimeInForce.GTC)
                && Long.MAX_VALUE - side(side).totalAt(price) < quantity) {
            // Checked before matching: a remainder that rests must not overflow its level's total.
            out.done(orderId, userId, DoneReason.OUT_OF_RANGE, quantity);
            return;
        }
        BookSide opposite = opposite(side);
        if (type == OrderType.LIMIT_MAKER) {
            PriceLevel best = opposite.best();
            if (best != null && crosses(side, price, best.price)) {
                out.done(orderId, userId, DoneReason.POST_ONLY_WOULD_CROSS, quantity);
            } else {
                rest(orderId, userId, side, price, quantity, stp, out);
            }
            return;
        }
        if (type == OrderType.LIMIT && tif == TimeInForce.FOK
                && !fillable(opposite, userId, side, price, quantity, stp)) {
            out.done(orderId, userId, DoneReason.FOK_UNFILLABLE, quantity);
            return;
        }
        boolean market = byQuote || type == OrderType.MARKET;
        long remaining = match(opposite, orderId, userId, side, market, byQuote, price, byQuote ? quote : quantity,
                stp, out);
        if (remaining == TAKER_EXPIRED) {
            return;
        }
        if (remaining == 0) {
            out.done(orderId, userId, DoneReason.FILLED, 0);
        } else if (type == OrderType.LIMIT && tif == TimeInForce.GTC) {
            rest(orderId, userId, side, price, remaining, stp, out);
        } else {
            out.done(orderId, userId, DoneReason.EXPIRED, remaining);
        }
    }

    /** {@link #match}'s answer when self-trade prevention expired the taker (already reported). */
    private static final long TAKER_EXPIRED = -1;

    /**
     * Takes liquidity from the opposite side for a taker and returns what is left of it (lots, or
     * quote for a quote-sized market order), or {@link #TAKER_EXPIRED}.
     */
    private long match(BookSide opposite, long orderId, long userId, Side side, boolean market, boolean byQuote,
                       long price, long remaining, SelfTradePrevention stp, MatchListener out) {
        PriceLevel level;
        while (remaining > 0 && (level = opposite.best()) != null && (market || crosses(side, price, level.price))) {
            if (byQuote && remaining < level.price) {
                break; // the budget cannot buy one lot at the best price
            }
            RestingOrder maker = level.head;
            if (maker.userId == userId && stp != SelfTradePrevention.NONE) {
                if (stp != SelfTradePrevention.EXPIRE_TAKER) {
                    long left = maker.remaining;
                    remove(opposite, maker);
                    out.done(maker.id, maker.userId, DoneReason.STP_EXPIRED_MAKER, left);
                }
                if (stp == SelfTradePrevention.EXPIRE_MAKER) {
                    continue;
                }
                out.done(orderId, userId, DoneReason.STP_EXPIRED_TAKER, remaining);
                return TAKER_EXPIRED;
            }
            long fill = Math.min(maker.remaining, byQuote ? remaining / level.price : remaining);
            out.trade(maker.id, maker.userId, orderId, userId, side, level.price, fill);
            maker.remaining -= fill;
            level.total -= fill;
            remaining -= byQuote ? fill * level.price : fill;
            if (maker.remaining == 0) {
                remove(opposite, maker);
                out.done(maker.id, maker.userId, DoneReason.FILLED, 0);
            }
        }
        return remaining;
    }

    /** FOK: is there enough to fill all of it, given what self-trade prevention would do? */
    private static boolean fillable(BookSide opposite, long userId, Side side, long price, long quantity,
                                    SelfTradePrevention stp) {
        long need = quantity;
        for (PriceLevel level = opposite.best(); level != null; level = opposite.worse(level)) {
            if (!crosses(side, price, level.price)) {
                return false;
            }
            for (RestingOrder o = level.head; o != null; o = o.next) {
                if (o.userId == userId && stp != SelfTradePrevention.NONE) {
                    if (stp == SelfTradePrevention.EXPIRE_MAKER) {
                        continue;
                    }
                    return false;
                }
                need -= Math.min(need, o.remaining);
                if (need == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private void rest(long orderId, long userId, Side side, long price, long quantity, SelfTradePrevention stp,
                      MatchListener out) {
        RestingOrder order = free;
        if (order == null) {
            order = new RestingOrder();
        } else {
            free = order.next;
        }
        order.id = orderId;
        order.userId = userId;
        order.remaining = quantity;
        order.side = side;
        order.stp = stp;
        side(side).levelFor(price).append(order);
        index.put(order);
        out.rested(orderId, userId, side, price, quantity);
    }

    private void remove(BookSide bookSide, RestingOrder order) {
        PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty()) {
            bookSide.remove(level);
        }
        index.remove(order);
        order.next = free;
        free = order;
    }

    @Override
    public void cancel(long orderId, long userId, MatchListener out) {
        RestingOrder order = index.get(orderId);
        if (order == null || order.userId != userId) {
            out.done(orderId, userId, DoneReason.UNKNOWN_ORDER, 0);
            return;
        }
        long left = order.remaining;
        remove(side(order.side), order);
        out.done(orderId, userId, DoneReason.CANCELED, left);
    }

    @Override
    public void move(long orderId, long userId, long newPrice, MatchListener out) {
        RestingOrder order = index.get(orderId);
        if (order == null || order.userId != userId) {
            out.done(orderId, userId, DoneReason.UNKNOWN_ORDER, 0);
            return;
        }
        Side side = order.side;
        BookSide own = side(side);
        PriceLevel best = opposite(side).best();
        if (best == null || !crosses(side, newPrice, best.price)) {
            // Nothing to take at the new price: the order goes straight to the back of its new
            // level. Same book and same events as leaving and placing again, but the order keeps
            // its object and its index entry.
            PriceLevel level = order.level;
            if (level.head == order && level.tail == order) {
                own.repriceLoneOrder(level, order, newPrice);
            } else {
                level.unlink(order);
                own.levelFor(newPrice).append(order);
            }
            out.rested(orderId, userId, side, newPrice, order.remaining);
            return;
        }
        long left = order.remaining;
        SelfTradePrevention stp = order.stp;
        remove(own, order);
        long remaining = match(opposite(side), orderId, userId, side, false, false, newPrice, left, stp, out);
        if (remaining == TAKER_EXPIRED) {
            return;
        }
        if (remaining == 0) {
            out.done(orderId, userId, DoneReason.FILLED, 0);
        } else {
            rest(orderId, userId, side, newPrice, remaining, stp, out);
        }
    }

    /**
     * Puts back an order read from a snapshot, behind those already restored at its price: such
     * orders never cross (the snapshot's book was a valid book), so any trade or refusal here
     * means the snapshot is not one, and it fails.
     */
    public void restore(long orderId, long userId, Side side, long price, long remaining, SelfTradePrevention stp) {
        place(orderId, userId, side, OrderType.LIMIT, TimeInForce.GTC, price, remaining, 0, stp, MUST_REST);
    }

    private static final MatchListener MUST_REST = new MatchListener() {
        @Override
        public void trade(long m, long mu, long t, long tu, Side s, long p, long q) {
            throw new IllegalStateException("a snapshot's orders never cross");
        }

        @Override
        public void rested(long orderId, long userId, Side side, long price, long remaining) {
        }

        @Override
        public void done(long orderId, long userId, DoneReason reason, long remaining) {
            throw new IllegalStateException("snapshot order " + orderId + " did not rest: " + reason);
        }
    };

    /**
     * The worst price a taker on {@code takerSide} would reach to fill {@code lots} from the
     * opposite side as it rests now (the side's last price when it holds less), or -1 when that
     * side is empty. A market buy by quantity is priced with it before its funds are held.
     */
    /** A resting order's self-trade prevention, or null when it does not rest here. */
    public SelfTradePrevention stpOf(long orderId) {
        RestingOrder order = index.get(orderId);
        return order == null ? null : order.stp;
    }

    public long priceToFill(Side takerSide, long lots) {
        BookSide opposite = opposite(takerSide);
        long worst = -1;
        long needed = lots;
        for (PriceLevel level = opposite.best(); level != null && needed > 0; level = opposite.worse(level)) {
            worst = level.price;
            needed -= Math.min(needed, level.total);
        }
        return worst;
    }

    /** Whether the side a taker on {@code takerSide} would trade against holds no order. */
    public boolean oppositeEmpty(Side takerSide) {
        return opposite(takerSide).best() == null;
    }

    @Override
    public int depth(Side s, long[] prices, long[] quantities, int[] orders) {
        BookSide bookSide = side(s);
        int n = Math.min(prices.length, bookSide.size());
        PriceLevel level = bookSide.best();
        for (int i = 0; i < n; i++, level = bookSide.worse(level)) {
            prices[i] = level.price;
            quantities[i] = level.total;
            orders[i] = level.count;
        }
        return n;
    }

    @Override
    public long stateHash() {
        long h = 17;
        for (BookSide s : new BookSide[] {bids, asks}) {
            for (PriceLevel level = s.best(); level != null; level = s.worse(level)) {
                for (RestingOrder o = level.head; o != null; o = o.next) {
                    h = BookHash.mix(h, o.side, level.price, o.id, o.userId, o.remaining);
                }
            }
        }
        return h;
    }

    @Override
    public int restingOrders() {
        return index.size();
    }

    /**
     * Visits every resting order, bids then asks, best level first and in time priority within a
     * level: placing them again in this order as GTC limits rebuilds an identical book.
     */
    public void forEachResting(RestingVisitor visitor) {
        for (BookSide s : new BookSide[] {bids, asks}) {
            for (PriceLevel level = s.best(); level != null; level = s.worse(level)) {
                for (RestingOrder o = level.head; o != null; o = o.next) {
                    visitor.order(o.id, o.userId, o.side, level.price, o.remaining, o.stp);
                }
            }
        }
    }
}
