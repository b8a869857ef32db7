package exchange.match.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously-correct book the fast one is checked against: sorted maps of linked lists, a
 * hash map of ids, and the rules written out step by step with no attention to speed.
 */
final class ReferenceBook implements Engine {
    private static final class Order {
        final long id;
        final long userId;
        final Side side;
        final long price;
        final SelfTradePrevention stp;
        long remaining;

        Order(long id, long userId, Side side, long price, long remaining, SelfTradePrevention stp) {
            this.id = id;
            this.userId = userId;
            this.side = side;
            this.price = price;
            this.remaining = remaining;
            this.stp = stp;
        }
    }

    private final TreeMap<Long, LinkedList<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, LinkedList<Order>> asks = new TreeMap<>();
    private final Map<Long, Order> byId = new HashMap<>();

    private TreeMap<Long, LinkedList<Order>> book(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** Resting orders a taker on this side would meet, best first, oldest first within a price. */
    private List<Order> queue(Side takerSide) {
        List<Order> all = new ArrayList<>();
        book(takerSide.opposite()).values().forEach(all::addAll);
        return all;
    }

    private static boolean acceptable(Side takerSide, OrderType type, long limit, long price) {
        if (type == OrderType.MARKET || type == OrderType.MARKET_QUOTE) {
            return true;
        }
        return takerSide == Side.BUY ? price <= limit : price >= limit;
    }

    @Override
    public void place(long orderId, long userId, Side side, OrderType type, TimeInForce tif, long price, long quantity,
                      long quote, SelfTradePrevention stp, MatchListener out) {
        if (byId.containsKey(orderId)) {
            out.done(orderId, userId, DoneReason.DUPLICATE_ORDER_ID, type == OrderType.MARKET_QUOTE ? quote : quantity);
            return;
        }
        List<Order> candidates = queue(side);
        if (type == OrderType.LIMIT_MAKER) {
            if (!candidates.isEmpty() && acceptable(side, type, price, candidates.get(0).price)) {
                out.done(orderId, userId, DoneReason.POST_ONLY_WOULD_CROSS, quantity);
            } else {
                add(new Order(orderId, userId, side, price, quantity, stp), out);
            }
            return;
        }
        boolean selfTradeMatters = stp != SelfTradePrevention.NONE;
        if (type == OrderType.LIMIT && tif == TimeInForce.FOK) {
            long available = 0;
            for (Order o : candidates) {
                if (!acceptable(side, type, price, o.price)) {
                    break;
                }
                if (selfTradeMatters && o.userId == userId) {
                    if (stp == SelfTradePrevention.EXPIRE_MAKER) {
                        continue;
                    }
                    break;
                }
                available += o.remaining;
            }
            if (available < quantity) {
                out.done(orderId, userId, DoneReason.FOK_UNFILLABLE, quantity);
                return;
            }
        }
        long left = type == OrderType.MARKET_QUOTE ? quote : quantity;
        for (Order maker : candidates) {
            if (left == 0 || !acceptable(side, type, price, maker.price)) {
                break;
            }
            if (type == OrderType.MARKET_QUOTE && left < maker.price) {
                break;
            }
            if (selfTradeMatters && maker.userId == userId) {
                if (stp == SelfTradePrevention.EXPIRE_MAKER || stp == SelfTradePrevention.EXPIRE_BOTH) {
                    delete(maker);
                    out.done(maker.id, maker.userId, DoneReason.STP_EXPIRED_MAKER, maker.remaining);
                }
                if (stp == SelfTradePrevention.EXPIRE_MAKER) {
                    continue;
                }
                out.done(orderId, userId, DoneReason.STP_EXPIRED_TAKER, left);
                return;
            }
            long fill;
            if (type == OrderType.MARKET_QUOTE) {
                fill = Math.min(maker.remaining, left / maker.price);
                left -= fill * maker.price;
            } else {
                fill = Math.min(maker.remaining, left);
                left -= fill;
            }
            out.trade(maker.id, maker.userId, orderId, userId, side, maker.price, fill);
            maker.remaining -= fill;
            if (maker.remaining == 0) {
                delete(maker);
                out.done(maker.id, maker.userId, DoneReason.FILLED, 0);
            }
        }
        if (left == 0) {
            out.done(orderId, userId, DoneReason.FILLED, 0);
        } else if (type == OrderType.LIMIT && tif == TimeInForce.GTC) {
            add(new Order(orderId, userId, side, price, left, stp), out);
        } else {
            out.done(orderId, userId, DoneReason.EXPIRED, left);
        }
    }

    private void add(Order o, MatchListener out) {
        book(o.side).computeIfAbsent(o.price, p -> new LinkedList<>()).addLast(o);
        byId.put(o.id, o);
        out.rested(o.id, o.userId, o.side, o.price, o.remaining);
    }

    private void delete(Order o) {
        LinkedList<Order> level = book(o.side).get(o.price);
        for (Iterator<Order> it = level.iterator(); it.hasNext(); ) {
            if (it.next() == o) {
                it.remove();
            }
        }
        if (level.isEmpty()) {
            book(o.side).remove(o.price);
        }
        byId.remove(o.id);
    }

    @Override
    public void cancel(long orderId, long userId, MatchListener out) {
        Order o = byId.get(orderId);
        if (o == null || o.userId != userId) {
            out.done(orderId, userId, DoneReason.UNKNOWN_ORDER, 0);
            return;
        }
        delete(o);
        out.done(orderId, userId, DoneReason.CANCELED, o.remaining);
    }

    @Override
    public void move(long orderId, long userId, long newPrice, MatchListener out) {
        Order o = byId.get(orderId);
        if (o == null || o.userId != userId) {
            out.done(orderId, userId, DoneReason.UNKNOWN_ORDER, 0);
            return;
        }
        delete(o);
        place(orderId, userId, o.side, OrderType.LIMIT, TimeInForce.GTC, newPrice, o.remaining, 0, o.stp, out);
    }

    @Override
    public int depth(Side side, long[] prices, long[] quantities, int[] orders) {
        int n = 0;
        for (var level : book(side).entrySet()) {
            if (n == prices.length) {
                break;
            }
            prices[n] = level.getKey();
            quantities[n] = level.getValue().stream().mapToLong(o -> o.remaining).sum();
            orders[n] = level.getValue().size();
            n++;
        }
        return n;
    }

    @Override
    public long stateHash() {
        long h = 17;
        for (TreeMap<Long, LinkedList<Order>> side : List.of(bids, asks)) {
            for (LinkedList<Order> level : side.values()) {
                for (Order o : level) {
                    h = BookHash.mix(h, o.side, o.price, o.id, o.userId, o.remaining);
                }
            }
        }
        return h;
    }

    @Override
    public int restingOrders() {
        return byId.size();
    }
}
