package exchange.bench;

import exchange.match.book.DoneReason;
import exchange.match.book.MatchListener;
import exchange.match.book.OrderBook;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates a seeded stream at exchange-core's benchmark mix (GTC places, a few IOCs, cancels and
 * moves in about equal shares) around a book of about {@code targetOrders} resting orders.
 *
 * <p>Like exchange-core's own TestOrdersGenerator it simulates while it generates: every command
 * is applied to a private {@link OrderBook} whose listener tracks which orders are still live, so
 * each cancel and move names an order that really rests at that point. Neither engine then spends
 * the timed run rejecting unknown ids, and both books must end identical. The price model is
 * exchange-core's too: new orders land on their passive side of the last trade price, mostly near
 * it, and moves walk an order 1% of the way towards the last trade price, which is what makes them
 * cross and trade.
 */
final class StreamGenerator {
    private static final double GTC_SHARE = 0.37;
    private static final double IOC_SHARE = 0.02;
    private static final double CANCEL_SHARE = 0.305;
    // the remaining 30.5% are moves

    private static final double MOVE_TOWARDS_LAST_TRADE = 0.01;

    private final BenchConfig cfg;

    StreamGenerator(BenchConfig cfg) {
        this.cfg = cfg;
    }

    /** What the generator saw while simulating, for the report. */
    static final class Stats {
        final long[] countsMeasured = new long[4];
        long tradesMeasured;
        long fullyFilledOnEntryMeasured;
        long restingSum;
        long restingSamples;
        int restingAtEnd;
        long generationNanos;

        double averageResting() {
            return restingSamples == 0 ? 0 : (double) restingSum / restingSamples;
        }
    }

    private Stats stats;

    Stats stats() {
        return stats;
    }

    CommandStream generate() {
        long started = System.nanoTime();
        int total = cfg.warmup + cfg.commands;
        long deviation = Math.min(cfg.startPrice / 20, 10_000); // exchange-core: 5% of the price, at most 10,000
        long minPrice = cfg.startPrice - 5 * deviation;
        long maxPrice = cfg.startPrice + 5 * deviation;
        CommandStream s = new CommandStream(total, cfg.warmup, cfg.users, minPrice, maxPrice);
        Stats st = new Stats();

        SplittableRandom rnd = new SplittableRandom(cfg.seed);
        Tracker tracker = new Tracker(total + 1, minPrice, maxPrice, cfg.startPrice);
        OrderBook book = new OrderBook();
        long nextOrderId = 1;

        for (int i = 0; i < total; i++) {
            tracker.measuring = i >= cfg.warmup;
            byte type = regulate(pickType(rnd), tracker.live, rnd);
            if (type == CommandStream.GTC || type == CommandStream.IOC) {
                long id = nextOrderId++;
                byte side = rnd.nextBoolean() ? CommandStream.BUY : CommandStream.SELL;
                int user = 1 + rnd.nextInt(cfg.users);
                long price = newOrderPrice(rnd, tracker.lastTradePrice, deviation, side, type == CommandStream.IOC,
                        minPrice, maxPrice);
                long quantity = 1 + rnd.nextInt(6) * rnd.nextInt(6) * rnd.nextInt(6); // exchange-core's size mix
                s.type[i] = type;
                s.side[i] = side;
                s.orderId[i] = id;
                s.userId[i] = user;
                s.price[i] = price;
                s.quantity[i] = quantity;
                tracker.user[(int) id] = user;
                book.place(id, user, side == CommandStream.BUY ? Side.BUY : Side.SELL, OrderType.LIMIT,
                        type == CommandStream.IOC ? TimeInForce.IOC : TimeInForce.GTC, price, quantity, 0,
                        SelfTradePrevention.NONE, tracker);
                if (tracker.measuring && type == CommandStream.GTC && !tracker.isLive(id)) {
                    st.fullyFilledOnEntryMeasured++;
                }
            } else {
                int id = tracker.pick(rnd);
                s.type[i] = type;
                s.orderId[i] = id;
                s.userId[i] = tracker.user[id];
                if (type == CommandStream.CANCEL) {
                    book.cancel(id, tracker.user[id], tracker);
                } else {
                    long price = movedPrice(rnd, tracker.price[id], tracker.lastTradePrice, minPrice, maxPrice);
                    s.price[i] = price;
                    book.move(id, tracker.user[id], price, tracker);
                }
            }
            if (tracker.measuring) {
                st.countsMeasured[s.type[i]]++;
                st.restingSum += tracker.live;
                st.restingSamples++;
            }
        }
        if (book.restingOrders() != tracker.live) {
            throw new IllegalStateException("tracker lost count: " + tracker.live + " vs " + book.restingOrders());
        }
        st.tradesMeasured = tracker.tradesMeasured;
        st.restingAtEnd = tracker.live;
        st.generationNanos = System.nanoTime() - started;
        stats = st;
        return s;
    }

    private static byte pickType(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        if (r < GTC_SHARE) {
            return CommandStream.GTC;
        }
        if (r < GTC_SHARE + IOC_SHARE) {
            return CommandStream.IOC;
        }
        return r < GTC_SHARE + IOC_SHARE + CANCEL_SHARE ? CommandStream.CANCEL : CommandStream.MOVE;
    }

    /**
     * Keeps the book near its target size by trading a cancel for a place (or back), more often the
     * further off it is: the mix stays close to the nominal one and the book neither empties nor grows.
     */
    private byte regulate(byte type, int live, SplittableRandom rnd) {
        if (live == 0 && (type == CommandStream.CANCEL || type == CommandStream.MOVE)) {
            return CommandStream.GTC;
        }
        int off = cfg.targetOrders - live;
        int band = Math.max(1, cfg.targetOrders / 10);
        if (type == CommandStream.CANCEL && off > 0 && rnd.nextInt(band) < off) {
            return CommandStream.GTC;
        }
        if (type == CommandStream.GTC && off < 0 && rnd.nextInt(band) < -off) {
            return CommandStream.CANCEL;
        }
        return type;
    }

    /**
     * exchange-core's price model: a spread that is usually narrow (the square of a uniform number),
     * an average of four uniforms inside it, on the passive side for GTC and the aggressive side for IOC.
     */
    private static long newOrderPrice(SplittableRandom rnd, long lastTrade, long deviation, byte side, boolean ioc,
                                      long minPrice, long maxPrice) {
        int dev = 1 + (int) (Math.pow(rnd.nextDouble(), 2) * deviation);
        long p = 0;
        for (int k = 0; k < 4; k++) {
            p += rnd.nextInt(dev);
        }
        p = Math.abs(p / 4 * 2 - dev);
        boolean above = (side == CommandStream.SELL) != ioc;
        return clamp(above ? lastTrade + p : lastTrade - p, minPrice, maxPrice);
    }

    private static long movedPrice(SplittableRandom rnd, long previous, long lastTrade, long minPrice, long maxPrice) {
        double move = (lastTrade - previous) * MOVE_TOWARDS_LAST_TRADE;
        long step;
        if (previous > lastTrade) {
            step = (long) Math.floor(move);
        } else if (previous < lastTrade) {
            step = (long) Math.ceil(move);
        } else {
            step = rnd.nextBoolean() ? 1 : -1;
        }
        long price = clamp(previous + step, minPrice, maxPrice);
        // A move to the same price is legal, but leave no room for the engines to read it differently.
        return price != previous ? price : previous == maxPrice ? previous - 1 : previous + 1;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * The set of live orders, with O(1) add, remove and uniform pick (a dense array plus each id's
     * position in it), and the last trade price that steers new prices.
     */
    private static final class Tracker implements MatchListener {
        final int[] user;
        final long[] price;
        private final int[] position; // 1-based slot in ids; 0 = not live
        private int[] ids = new int[4096];
        int live;
        long lastTradePrice;
        boolean measuring;
        long tradesMeasured;
        private final long minPrice;
        private final long maxPrice;

        Tracker(int maxOrderId, long minPrice, long maxPrice, long startPrice) {
            user = new int[maxOrderId];
            price = new long[maxOrderId];
            position = new int[maxOrderId];
            this.minPrice = minPrice;
            this.maxPrice = maxPrice;
            lastTradePrice = startPrice;
        }

        boolean isLive(long id) {
            return position[(int) id] != 0;
        }

        int pick(SplittableRandom rnd) {
            return ids[rnd.nextInt(live)];
        }

        @Override
        public void trade(long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                          long tradePrice, long quantity) {
            lastTradePrice = clamp(tradePrice, minPrice, maxPrice);
            if (measuring) {
                tradesMeasured++;
            }
        }

        @Override
        public void rested(long orderId, long userId, Side side, long restPrice, long remaining) {
            int id = (int) orderId;
            price[id] = restPrice;
            if (position[id] == 0) {
                if (live == ids.length) {
                    ids = Arrays.copyOf(ids, live * 2);
                }
                ids[live++] = id;
                position[id] = live;
            }
        }

        @Override
        public void done(long orderId, long userId, DoneReason reason, long remaining) {
            if (reason == DoneReason.UNKNOWN_ORDER || reason == DoneReason.DUPLICATE_ORDER_ID) {
                throw new IllegalStateException("generator produced a bad command: " + reason + " for " + orderId);
            }
            int id = (int) orderId;
            int slot = position[id];
            if (slot != 0) {
                int last = ids[--live];
                ids[slot - 1] = last;
                position[last] = slot;
                position[id] = 0;
            }
        }
    }
}
