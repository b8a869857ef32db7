package exchange.bench;

import exchange.match.book.DoneReason;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.BalanceCause;
import exchange.match.core.CoreOutput;
import exchange.match.core.ResultCode;
import exchange.match.core.TradingCore;

/**
 * Drives our whole core ({@link TradingCore}: the book, every user's balances, funds held before
 * matching and released after) with a funded stream on the calling thread, in process, no I/O: the
 * work exchange-core's pipeline does with its risk engine on. Like {@link EngineRunner}, each run
 * starts empty, replays the warm-up untimed and times the rest; latency is a separate pass.
 */
final class TradingCoreRunner {
    static final int MARKET = 0;
    private final CommandStream s;

    TradingCoreRunner(CommandStream s) {
        if (!s.funded) {
            throw new IllegalArgumentException("the core needs a funded stream");
        }
        this.s = s;
    }

    static final class Result {
        final long nanos;
        final int commands;
        final BookSnapshot book;
        final Balances balances;
        final long stateHash;
        final CountingOutput events;

        Result(long nanos, int commands, BookSnapshot book, Balances balances, long stateHash, CountingOutput events) {
            this.nanos = nanos;
            this.commands = commands;
            this.book = book;
            this.balances = balances;
            this.stateHash = stateHash;
            this.events = events;
        }

        double opsPerSecond() {
            return commands * 1e9 / nanos;
        }
    }

    static TradingCore newCore(CoreOutput out) {
        TradingCore core = new TradingCore(out);
        core.addAsset(CommandStream.BASE);
        core.addAsset(CommandStream.QUOTE);
        // One lot is one base unit, one tick x lot one quote unit, no fees: exchange-core's symbol in CoreCommands.
        core.addMarket(MARKET, CommandStream.BASE, CommandStream.QUOTE, 1, 1, 0, 0, 0);
        // Trading limits in force (so every place pays for the check), wide enough to refuse
        // nothing: exchange-core has none, and both must take the same orders.
        core.setLevelLimits(0, CommandStream.QUOTE, TradingCore.MAX_SUPPLY, TradingCore.MAX_SUPPLY);
        return core;
    }

    Result throughput() {
        CountingOutput out = new CountingOutput();
        TradingCore core = newCore(out);
        replay(core, 0, s.warmup);
        out.reset();
        long start = System.nanoTime();
        replay(core, s.warmup, s.size);
        long nanos = System.nanoTime() - start;
        return new Result(nanos, s.measured(), BookSnapshot.of(core.book(MARKET)), Balances.of(core, s.users),
                core.stateHash(), out);
    }

    Percentiles latency() {
        TradingCore core = newCore(new CountingOutput());
        replay(core, 0, s.warmup);
        long[] nanos = new long[s.measured()];
        for (int i = s.warmup, k = 0; i < s.size; i++, k++) {
            long t0 = System.nanoTime();
            execute(core, i);
            nanos[k] = System.nanoTime() - t0;
        }
        return Percentiles.of(nanos, nanos.length);
    }

    private void replay(TradingCore core, int from, int to) {
        for (int i = from; i < to; i++) {
            execute(core, i);
        }
    }

    private void execute(TradingCore core, int i) {
        switch (s.type[i]) {
            case CommandStream.GTC:
            case CommandStream.IOC: {
                Side side = s.side[i] == CommandStream.BUY ? Side.BUY : Side.SELL;
                core.place(s.orderId[i], s.userId[i], MARKET, side, OrderType.LIMIT,
                        s.type[i] == CommandStream.IOC ? TimeInForce.IOC : TimeInForce.GTC, s.price[i],
                        side == Side.BUY ? s.bidReserve : 0, s.quantity[i], 0, SelfTradePrevention.NONE);
                break;
            }
            case CommandStream.CANCEL:
                core.cancel(s.orderId[i], s.userId[i]);
                break;
            case CommandStream.MOVE:
                core.move(s.orderId[i], s.userId[i], s.price[i]);
                break;
            case CommandStream.DEPOSIT:
                core.deposit(s.userId[i], s.side[i], s.quantity[i], s.orderId[i]);
                break;
            default:
                throw new IllegalStateException("command type " + s.type[i]);
        }
    }

    /** Every user's available balance of both currencies, as both engines report it. */
    static final class Balances {
        final long[] base;
        final long[] quote;

        Balances(int users) {
            base = new long[users + 1];
            quote = new long[users + 1];
        }

        static Balances of(TradingCore core, int users) {
            Balances b = new Balances(users);
            for (int u = 1; u <= users; u++) {
                b.base[u] = core.available(u, CommandStream.BASE);
                b.quote[u] = core.available(u, CommandStream.QUOTE);
            }
            return b;
        }

        /** Null when equal, else the first user whose balances differ. */
        static String firstDifference(String leftName, Balances left, String rightName, Balances right) {
            for (int u = 1; u < left.base.length; u++) {
                if (left.base[u] != right.base[u] || left.quote[u] != right.quote[u]) {
                    return String.format("user %d: %s base %d quote %d, %s base %d quote %d", u, leftName,
                            left.base[u], left.quote[u], rightName, right.base[u], right.quote[u]);
                }
            }
            return null;
        }
    }

    /** Consumes every event cheaply (so none can be optimised away) and counts what the report needs. */
    static final class CountingOutput implements CoreOutput {
        long trades;
        long rejected;
        long balanceEvents;
        long done;

        void reset() {
            trades = rejected = balanceEvents = done = 0;
        }

        @Override
        public void rejected(long id, long userId, ResultCode code) {
            rejected++;
        }

        @Override
        public void balanceChanged(long userId, int asset, long availableDelta, long frozenDelta, BalanceCause cause,
                                   long ref) {
            balanceEvents++;
        }

        @Override
        public void orderAccepted(long orderId, long userId, int market, Side side, int asset, long held) {
        }

        @Override
        public void trade(int market, long tradeId, long makerOrderId, long makerUserId, long takerOrderId,
                          long takerUserId, Side takerSide, long price, long lots, long buyerFee, long sellerFee) {
            trades++;
        }

        @Override
        public void rested(long orderId, long userId, int market, Side side, long price, long remaining) {
        }

        @Override
        public void done(long orderId, long userId, int market, DoneReason reason, long remaining) {
            done++;
        }
    }
}
