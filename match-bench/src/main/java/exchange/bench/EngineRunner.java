package exchange.bench;

import exchange.match.book.DoneReason;
import exchange.match.book.MatchListener;
import exchange.match.book.OrderBook;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;

/**
 * Drives our {@link OrderBook} with the stream on the calling thread. Every run starts from an
 * empty book and replays the warm-up part untimed, so each timed part starts from the same book
 * state as exchange-core's. Throughput and latency are separate passes: two System.nanoTime calls
 * per command would otherwise be a noticeable part of what the throughput pass measures.
 */
final class EngineRunner {
    private final CommandStream s;

    EngineRunner(CommandStream s) {
        this.s = s;
    }

    static final class Result {
        final long nanos;
        final int commands;
        final BookSnapshot book;
        final long stateHash;
        final CountingListener events;

        Result(long nanos, int commands, BookSnapshot book, long stateHash, CountingListener events) {
            this.nanos = nanos;
            this.commands = commands;
            this.book = book;
            this.stateHash = stateHash;
            this.events = events;
        }

        double opsPerSecond() {
            return commands * 1e9 / nanos;
        }
    }

    Result throughput() {
        OrderBook book = new OrderBook();
        CountingListener out = new CountingListener();
        replay(s, book, out, 0, s.warmup);
        out.reset(); // count the measured part only
        long start = System.nanoTime();
        replay(s, book, out, s.warmup, s.size);
        long nanos = System.nanoTime() - start;
        return new Result(nanos, s.measured(), BookSnapshot.of(book), book.stateHash(), out);
    }

    /** Service time of each measured command: the call alone, no queue and no thread hand-off. */
    Percentiles latency() {
        OrderBook book = new OrderBook();
        CountingListener out = new CountingListener();
        replay(s, book, out, 0, s.warmup);
        long[] nanos = new long[s.measured()];
        for (int i = s.warmup, k = 0; i < s.size; i++, k++) {
            long t0 = System.nanoTime();
            execute(s, book, out, i);
            nanos[k] = System.nanoTime() - t0;
        }
        return Percentiles.of(nanos, nanos.length);
    }

    private static void replay(CommandStream s, OrderBook book, MatchListener out, int from, int to) {
        for (int i = from; i < to; i++) {
            execute(s, book, out, i);
        }
    }

    private static void execute(CommandStream s, OrderBook book, MatchListener out, int i) {
        switch (s.type[i]) {
            case CommandStream.GTC:
                book.place(s.orderId[i], s.userId[i], s.side[i] == CommandStream.BUY ? Side.BUY : Side.SELL,
                        OrderType.LIMIT, TimeInForce.GTC, s.price[i], s.quantity[i], 0, SelfTradePrevention.NONE, out);
                break;
            case CommandStream.IOC:
                book.place(s.orderId[i], s.userId[i], s.side[i] == CommandStream.BUY ? Side.BUY : Side.SELL,
                        OrderType.LIMIT, TimeInForce.IOC, s.price[i], s.quantity[i], 0, SelfTradePrevention.NONE, out);
                break;
            case CommandStream.CANCEL:
                book.cancel(s.orderId[i], s.userId[i], out);
                break;
            case CommandStream.MOVE:
                book.move(s.orderId[i], s.userId[i], s.price[i], out);
                break;
            default:
                throw new IllegalStateException("command type " + s.type[i]);
        }
    }

    /**
     * The cheapest listener that still consumes every event (so none of the engine's work can be
     * optimised away); it also surfaces rejects, which would mean the stream and the engine disagree.
     */
    static final class CountingListener implements MatchListener {
        long trades;
        long tradedLots;
        long rested;
        long done;
        long rejected;

        void reset() {
            trades = tradedLots = rested = done = rejected = 0;
        }

        @Override
        public void trade(long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                          long price, long quantity) {
            trades++;
            tradedLots += quantity;
        }

        @Override
        public void rested(long orderId, long userId, Side side, long price, long remaining) {
            rested++;
        }

        @Override
        public void done(long orderId, long userId, DoneReason reason, long remaining) {
            done++;
            if (reason.rejected()) {
                rejected++;
            }
        }
    }
}
