package exchange.bench;

import exchange.match.book.DoneReason;
import exchange.match.book.MatchListener;
import exchange.match.book.OrderBook;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.BalanceCause;
import exchange.match.core.CoreOutput;
import exchange.match.core.ResultCode;
import exchange.match.core.TradingCore;

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

    /** Funded streams: a top-up deposit to a random user among the commands after the first deposits. */
    private static final double TOPUP_SHARE = 0.01;
    /** Funded streams: each user starts with up to this many lots (and as much quote at the start price). */
    private static final long START_LOTS = 60;
    private static final long TOPUP_LOTS = 30;
    /**
     * exchange-core checks funds (its R1 stage) before it has paid out the fills and releases of the
     * commands just ahead (R2), by up to its ring buffer (16 384 commands): money a user got within
     * that window may not be there yet. A funded stream therefore never sends a place whose
     * acceptance depends on such money; see {@link #affordable}.
     */
    private static final int SETTLEMENT_WINDOW = 20_000;

    private final BenchConfig cfg;

    StreamGenerator(BenchConfig cfg) {
        this.cfg = cfg;
    }

    /** What the generator saw while simulating, for the report. */
    static final class Stats {
        final long[] countsMeasured = new long[5];
        /** Places the risk check refused (funded streams). */
        long rejectedMeasured;
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
        return generate(false);
    }

    /**
     * @param funded whether users hold money: the stream then opens with a deposit of each
     *               currency for every user, tops a random user up now and then, and is simulated on
     *               our {@link TradingCore} (books and balances), so a place its owner cannot pay for
     *               is refused and never becomes an order a later cancel or move may name
     */
    CommandStream generate(boolean funded) {
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
        TradingCore core = null;
        int first = 0;
        if (funded) {
            if (cfg.warmup < 2 * cfg.users) {
                throw new IllegalArgumentException("a funded stream needs warmup >= 2 x users (their first deposits)");
            }
            s.funded = true;
            s.bidReserve = maxPrice;
            credits = new RecentCredits(cfg.users);
            core = TradingCoreRunner.newCore(new TrackerOutput(tracker, st, credits));
            for (int u = 1; u <= cfg.users; u++) {
                deposit(s, core, first++, nextOrderId++, u, CommandStream.BASE, 1 + rnd.nextLong(START_LOTS));
                deposit(s, core, first++, nextOrderId++, u, CommandStream.QUOTE, 1 + rnd.nextLong(START_LOTS * cfg.startPrice));
            }
        }

        for (int i = first; i < total; i++) {
            tracker.measuring = i >= cfg.warmup;
            if (funded) {
                credits.advance(i);
            }
            if (funded && rnd.nextDouble() < TOPUP_SHARE) {
                byte currency = rnd.nextBoolean() ? CommandStream.BASE : CommandStream.QUOTE;
                deposit(s, core, i, nextOrderId++, 1 + rnd.nextInt(cfg.users), currency,
                        1 + rnd.nextLong(currency == CommandStream.BASE ? TOPUP_LOTS : TOPUP_LOTS * cfg.startPrice));
                if (tracker.measuring) {
                    st.countsMeasured[CommandStream.DEPOSIT]++;
                }
                continue;
            }
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
                Side bookSide = side == CommandStream.BUY ? Side.BUY : Side.SELL;
                TimeInForce tif = type == CommandStream.IOC ? TimeInForce.IOC : TimeInForce.GTC;
                boolean refused = false;
                if (funded) {
                    quantity = affordable(core, user, bookSide, s.bidReserve, quantity);
                    s.quantity[i] = quantity;
                    refused = !core.place(id, user, 0, bookSide, OrderType.LIMIT, tif, price,
                            bookSide == Side.BUY ? s.bidReserve : 0, quantity, 0, SelfTradePrevention.NONE).accepted();
                } else {
                    book.place(id, user, bookSide, OrderType.LIMIT, tif, price, quantity, 0, SelfTradePrevention.NONE,
                            tracker);
                }
                if (tracker.measuring && type == CommandStream.GTC && !refused && !tracker.isLive(id)) {
                    st.fullyFilledOnEntryMeasured++;
                }
            } else {
                int id = tracker.pick(rnd);
                s.type[i] = type;
                s.orderId[i] = id;
                s.userId[i] = tracker.user[id];
                if (type == CommandStream.CANCEL) {
                    if (funded) {
                        core.cancel(id, tracker.user[id]);
                    } else {
                        book.cancel(id, tracker.user[id], tracker);
                    }
                } else {
                    long price = movedPrice(rnd, tracker.price[id], tracker.lastTradePrice, minPrice, maxPrice);
                    s.price[i] = price;
                    if (funded) {
                        core.move(id, tracker.user[id], price);
                    } else {
                        book.move(id, tracker.user[id], price, tracker);
                    }
                }
            }
            if (tracker.measuring) {
                st.countsMeasured[s.type[i]]++;
                st.restingSum += tracker.live;
                st.restingSamples++;
            }
        }
        int resting = funded ? core.openOrders() : book.restingOrders();
        if (resting != tracker.live) {
            throw new IllegalStateException("tracker lost count: " + tracker.live + " vs " + resting);
        }
        st.tradesMeasured = tracker.tradesMeasured;
        st.restingAtEnd = tracker.live;
        st.generationNanos = System.nanoTime() - started;
        stats = st;
        return s;
    }

    private RecentCredits credits;

    /**
     * A quantity whose place is accepted by both engines or refused by both: as drawn, when the
     * user's funds decide it either way without the money received in the settlement window;
     * otherwise cut to what the user holds without that money, or (when that is not one lot) raised
     * just past everything the user holds.
     */
    private long affordable(TradingCore core, int user, Side side, long reserve, long quantity) {
        int asset = side == Side.BUY ? CommandStream.QUOTE : CommandStream.BASE;
        long perLot = side == Side.BUY ? reserve : 1;
        long available = core.available(user, asset);
        long settled = available - credits.recent(user, asset);
        if (quantity * perLot <= settled || quantity * perLot > available) {
            return quantity;
        }
        long fit = settled / perLot;
        return fit >= 1 ? fit : available / perLot + 1;
    }

    /** Money each user received (not deposits) in the last {@link #SETTLEMENT_WINDOW} commands, per currency. */
    private static final class RecentCredits {
        private final long[][] recent;
        private int[] index = new int[1 << 16];
        private int[] user = new int[1 << 16];
        private byte[] asset = new byte[1 << 16];
        private long[] amount = new long[1 << 16];
        private int head;
        private int tail;
        private int now;

        RecentCredits(int users) {
            recent = new long[users + 1][2];
        }

        void advance(int commandIndex) {
            now = commandIndex;
            while (head != tail && index[head] <= now - SETTLEMENT_WINDOW) {
                recent[user[head]][asset[head]] -= amount[head];
                head = (head + 1) & (index.length - 1);
            }
        }

        void add(int u, int a, long delta) {
            if (((tail + 1) & (index.length - 1)) == head) {
                grow();
            }
            index[tail] = now;
            user[tail] = u;
            asset[tail] = (byte) a;
            amount[tail] = delta;
            tail = (tail + 1) & (index.length - 1);
            recent[u][a] += delta;
        }

        long recent(int u, int a) {
            return recent[u][a];
        }

        private void grow() {
            int n = index.length;
            int[] i2 = new int[n * 2];
            int[] u2 = new int[n * 2];
            byte[] a2 = new byte[n * 2];
            long[] m2 = new long[n * 2];
            int k = 0;
            for (int j = head; j != tail; j = (j + 1) & (n - 1), k++) {
                i2[k] = index[j];
                u2[k] = user[j];
                a2[k] = asset[j];
                m2[k] = amount[j];
            }
            index = i2;
            user = u2;
            asset = a2;
            amount = m2;
            head = 0;
            tail = k;
        }
    }

    private static void deposit(CommandStream s, TradingCore core, int i, long transaction, int user, byte currency,
                                long amount) {
        s.type[i] = CommandStream.DEPOSIT;
        s.orderId[i] = transaction;
        s.userId[i] = user;
        s.side[i] = currency;
        s.quantity[i] = amount;
        if (!core.deposit(user, currency, amount, transaction).accepted()) {
            throw new IllegalStateException("deposit refused: " + amount + " of " + currency + " to " + user);
        }
    }

    /** Our core's output as the tracker reads it: orders that rest and end, trades, and refusals counted. */
    private static final class TrackerOutput implements CoreOutput {
        private final Tracker tracker;
        private final Stats stats;
        private final RecentCredits credits;

        TrackerOutput(Tracker tracker, Stats stats, RecentCredits credits) {
            this.tracker = tracker;
            this.stats = stats;
            this.credits = credits;
        }

        @Override
        public void rejected(long id, long userId, ResultCode code) {
            if (code != ResultCode.INSUFFICIENT_FUNDS) {
                throw new IllegalStateException("generator produced a bad command: " + code + " for " + id);
            }
            if (tracker.measuring) {
                stats.rejectedMeasured++;
            }
        }

        @Override
        public void balanceChanged(long userId, int asset, long availableDelta, long frozenDelta, BalanceCause cause,
                                   long ref) {
            if (availableDelta > 0 && cause != BalanceCause.DEPOSIT && userId > 0) {
                credits.add((int) userId, asset, availableDelta);
            }
        }

        @Override
        public void orderAccepted(long orderId, long userId, int market, Side side, int asset, long held) {
        }

        @Override
        public void trade(int market, long tradeId, long makerOrderId, long makerUserId, long takerOrderId,
                          long takerUserId, Side takerSide, long price, long lots, long buyerFee, long sellerFee) {
            tracker.trade(makerOrderId, makerUserId, takerOrderId, takerUserId, takerSide, price, lots);
        }

        @Override
        public void rested(long orderId, long userId, int market, Side side, long price, long remaining) {
            tracker.rested(orderId, userId, side, price, remaining);
        }

        @Override
        public void done(long orderId, long userId, int market, DoneReason reason, long remaining) {
            tracker.done(orderId, userId, reason, remaining);
        }
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
