package exchange.bench;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;

import java.util.HashMap;
import java.util.Map;

/**
 * exchange-core's fastest book (OrderBookDirectImpl) driven directly on the calling thread, with no
 * disruptor, no grouping and no risk stages: the like-for-like counterpart of {@link EngineRunner}.
 * It shows how much of exchange-core's end-to-end figure is the book itself and how much is its
 * pipeline. The book is set up the way exchange-core's matching engine sets it up (same pool sizes,
 * the non-pooled events helper it uses with EVENTS_POOLING off).
 */
final class CoreBookRunner {
    private final CommandStream s;

    CoreBookRunner(CommandStream s) {
        this.s = s;
    }

    static final class Result {
        final long nanos;
        final int commands;
        final BookSnapshot book;
        final long trades;
        final long failures;

        Result(long nanos, int commands, BookSnapshot book, long trades, long failures) {
            this.nanos = nanos;
            this.commands = commands;
            this.book = book;
            this.trades = trades;
            this.failures = failures;
        }

        double opsPerSecond() {
            return commands * 1e9 / nanos;
        }
    }

    private static IOrderBook newBook() {
        Map<Integer, Integer> pool = new HashMap<>();
        pool.put(ObjectsPool.DIRECT_ORDER, 1024 * 1024);
        pool.put(ObjectsPool.DIRECT_BUCKET, 1024 * 64);
        pool.put(ObjectsPool.ART_NODE_4, 1024 * 32);
        pool.put(ObjectsPool.ART_NODE_16, 1024 * 16);
        pool.put(ObjectsPool.ART_NODE_48, 1024 * 8);
        pool.put(ObjectsPool.ART_NODE_256, 1024 * 4);
        return new OrderBookDirectImpl(CoreCommands.symbol(), new ObjectsPool(pool),
                OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER, LoggingConfiguration.DEFAULT);
    }

    Result throughput() {
        IOrderBook book = newBook();
        OrderCommand cmd = new OrderCommand();
        Counters c = new Counters();
        for (int i = 0; i < s.warmup; i++) {
            execute(s, book, cmd, i, c);
        }
        c.trades = 0;
        c.failures = 0;
        long start = System.nanoTime();
        for (int i = s.warmup; i < s.size; i++) {
            execute(s, book, cmd, i, c);
        }
        long nanos = System.nanoTime() - start;
        return new Result(nanos, s.measured(), BookSnapshot.of(book.getL2MarketDataSnapshot(Integer.MAX_VALUE)),
                c.trades, c.failures);
    }

    Percentiles latency() {
        IOrderBook book = newBook();
        OrderCommand cmd = new OrderCommand();
        Counters c = new Counters();
        for (int i = 0; i < s.warmup; i++) {
            execute(s, book, cmd, i, c);
        }
        long[] nanos = new long[s.measured()];
        for (int i = s.warmup, k = 0; i < s.size; i++, k++) {
            long t0 = System.nanoTime();
            execute(s, book, cmd, i, c);
            nanos[k] = System.nanoTime() - t0;
        }
        return Percentiles.of(nanos, nanos.length);
    }

    private static final class Counters {
        long trades;
        long failures;
    }

    /** Fills the one reused command the way exchange-core's API translators fill a ring-buffer slot. */
    private static void execute(CommandStream s, IOrderBook book, OrderCommand cmd, int i, Counters c) {
        cmd.matcherEvent = null;
        cmd.marketData = null;
        cmd.symbol = CoreCommands.SYMBOL;
        cmd.orderId = s.orderId[i];
        cmd.uid = s.userId[i];
        switch (s.type[i]) {
            case CommandStream.GTC:
            case CommandStream.IOC:
                cmd.command = OrderCommandType.PLACE_ORDER;
                cmd.orderType = s.type[i] == CommandStream.IOC ? OrderType.IOC : OrderType.GTC;
                cmd.action = CoreCommands.action(s.side[i]);
                cmd.price = s.price[i];
                cmd.reserveBidPrice = CoreCommands.reservePrice(s, s.side[i]);
                cmd.size = s.quantity[i];
                cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE; // what the risk stage would say
                break;
            case CommandStream.CANCEL:
                cmd.command = OrderCommandType.CANCEL_ORDER;
                cmd.resultCode = CommandResultCode.NEW;
                break;
            case CommandStream.MOVE:
                cmd.command = OrderCommandType.MOVE_ORDER;
                cmd.price = s.price[i];
                cmd.resultCode = CommandResultCode.NEW;
                break;
            default:
                throw new IllegalStateException("command type " + s.type[i]);
        }
        if (IOrderBook.processCommand(book, cmd) != CommandResultCode.SUCCESS) {
            c.failures++;
        }
        for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
            if (e.eventType == MatcherEventType.TRADE) {
                c.trades++;
            }
        }
    }
}
