package exchange.match.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.api.event.DepthUpdated;
import exchange.api.event.DomainEvent;
import exchange.api.event.MatchOutcome;
import exchange.api.event.OrderCancelRequested;
import exchange.api.event.OrderCreated;
import exchange.api.event.TradePriceUpdated;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SymbolBookTest {
    private static final SymbolView BTC = new SymbolView("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.0001"), new BigDecimal("1"), "TRADING", new BigDecimal("0.001"), new BigDecimal("0.001"));

    private static OrderCreated limit(long id, long user, String side, String price, String qty) {
        return new OrderCreated(id, user, "BTCUSDT", side, "LIMIT", "GTC", new BigDecimal(price), new BigDecimal(qty),
                null, "EXPIRE_TAKER");
    }

    /** What the engine's edge does with amounts whose units do not fit: rejected with a reason, the book untouched. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} x {1} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            100.00                       | 1                                  | RESTING
            100.001                      | 1                                  | OUT_OF_RANGE
            100.00                       | 0.00001                            | OUT_OF_RANGE
            100.00                       | 100000000000000000000000000000     | OUT_OF_RANGE
            100000000000000000000000.00  | 1                                  | OUT_OF_RANGE
            10000000000000000.00         | 1                                  | RESTING
            100.00                       | 100000000000000                    | RESTING
            """)
    void unitsThatDoNotFitAreRejectedNotThrown(String price, String qty, String reason) {
        SymbolBook book = new SymbolBook(BTC);
        MatchOutcome o = book.place(limit(1, 1, "BUY", price, qty));
        assertEquals(reason, o.orders().get(0).reason());
        assertEquals("RESTING".equals(reason) ? 1 : 0, book.status().restingOrders());
    }

    @Test
    void aRemainderThatWouldOverflowItsLevelIsRejectedBeforeMatching() {
        SymbolBook book = new SymbolBook(BTC);
        // 1e14 BTC at step 1e-4 = 1e18 lots each: nine fit one level below Long.MAX_VALUE, the tenth does not.
        for (int i = 1; i <= 9; i++) {
            assertEquals("RESTING", book.place(limit(i, 1, "BUY", "100.00", "100000000000000")).orders().get(0).reason());
        }
        assertEquals("OUT_OF_RANGE", book.place(limit(10, 1, "BUY", "100.00", "100000000000000")).orders().get(0).reason());
        assertEquals(9, book.status().restingOrders());
    }

    @Test
    void theRepeatWindowIsBoundedAndSurvivesASnapshot() throws IOException {
        SymbolBook book = new SymbolBook(BTC);
        int n = SymbolBook.SEEN_WINDOW + 50;
        for (int i = 1; i <= n; i++) {
            // IOC orders into an empty book: each is seen, none rests.
            book.place(new OrderCreated(i, 1, "BTCUSDT", "BUY", "LIMIT", "IOC", new BigDecimal("100"), new BigDecimal("1"), null, "NONE"));
        }
        assertEquals(SymbolBook.SEEN_WINDOW, book.remembered(), "never more than the window");
        assertEquals(null, book.place(limit(3, 1, "BUY", "100.00", "1")), "below the window: dropped as a repeat");
        assertEquals(null, book.place(limit(n, 1, "BUY", "100.00", "1")), "in the window: a repeat");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        book.writeTo(new DataOutputStream(bytes));
        SymbolBook restored = new SymbolBook(BTC);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        in.readUTF();
        restored.restore(in);
        assertEquals(SymbolBook.SEEN_WINDOW, restored.remembered());
        assertEquals(null, restored.place(limit(3, 1, "BUY", "100.00", "1")), "the watermark is in the snapshot");
        assertEquals(null, restored.place(limit(n - 1, 1, "BUY", "100.00", "1")));
        assertEquals("RESTING", restored.place(limit(n + 1, 1, "BUY", "100.00", "1")).orders().get(0).reason());
    }

    @Test
    void aCommandTheEngineFailedOnRejectsItsOrder() {
        SymbolBook book = new SymbolBook(BTC);
        MatchOutcome o = book.failed("PLACE", 7, 3);
        assertEquals(List.of(new MatchOutcome.OrderState(7, 3, "REJECTED", "ENGINE_ERROR")), o.orders());
        assertTrue(o.fills().isEmpty());
    }

    @Test
    void depthUpdatesCarryTheChangedLevelsAndTheLastPrice() {
        SymbolBook book = new SymbolBook(BTC);
        book.place(limit(1, 1, "BUY", "100.00", "1"));
        book.place(limit(2, 1, "SELL", "101.00", "2"));
        List<DomainEvent> first = book.marketUpdates();
        DepthUpdated d = (DepthUpdated) first.get(0);
        assertEquals(1, d.firstSequence());
        assertEquals(2, d.lastSequence());
        assertEquals(1, d.bids().size());
        assertEquals(0, new BigDecimal("100").compareTo(d.bids().get(0).price()));
        assertEquals(1, first.size(), "nothing traded yet");

        book.cancel(new OrderCancelRequested(999, 1, "BTCUSDT")); // changes no level
        assertTrue(book.marketUpdates().isEmpty());
        MatchOutcome o = book.place(limit(3, 2, "BUY", "101.00", "0.5"));
        assertEquals(1, o.fills().get(0).tradeId());
        book.cancel(new OrderCancelRequested(1, 1, "BTCUSDT"));
        List<DomainEvent> second = book.marketUpdates();
        DepthUpdated d2 = (DepthUpdated) second.get(0);
        assertEquals(3, d2.firstSequence(), "the no-change command rides along: no gap");
        assertEquals(5, d2.lastSequence());
        assertEquals(0, d2.bids().get(0).quantity().signum(), "the cancelled bid level is gone");
        assertEquals(0, new BigDecimal("1.5").compareTo(d2.asks().get(0).quantity()));
        TradePriceUpdated p = (TradePriceUpdated) second.get(1);
        assertEquals(0, new BigDecimal("101").compareTo(p.price()));
        assertEquals(1, p.tradeId());
        assertTrue(book.marketUpdates().isEmpty(), "no commands, no updates");
    }

    /** A client applying every update to the first depth it saw holds the engine's depth. */
    @Test
    void updatesRebuildTheDepthFromAnEarlierView() {
        SymbolBook book = new SymbolBook(BTC);
        Random random = new Random(7);
        Map<BigDecimal, BigDecimal> bids = new TreeMap<>();
        Map<BigDecimal, BigDecimal> asks = new TreeMap<>();
        for (int i = 1; i <= 3000; i++) {
            if (random.nextInt(4) == 0 && i > 10) {
                book.cancel(new OrderCancelRequested(1 + random.nextInt(i - 1), 1 + random.nextInt(5), "BTCUSDT"));
            } else {
                String side = random.nextBoolean() ? "BUY" : "SELL";
                String price = (100 + random.nextInt(40) - (side.equals("BUY") ? 22 : 0)) + ".00";
                book.place(limit(i, 1 + random.nextInt(5), side, price, "0.0" + (1 + random.nextInt(9))));
            }
            if (random.nextInt(20) == 0) {
                apply(book.marketUpdates(), bids, asks);
            }
        }
        apply(book.marketUpdates(), bids, asks);
        OrderBookDepth.Depth depth = book.depth(DepthTracker.LEVELS);
        assertEquals(asMap(depth.bids()), bids);
        assertEquals(asMap(depth.asks()), asks);
    }

    private static void apply(List<DomainEvent> updates, Map<BigDecimal, BigDecimal> bids, Map<BigDecimal, BigDecimal> asks) {
        for (DomainEvent e : updates) {
            if (e instanceof DepthUpdated d) {
                d.bids().forEach(l -> put(bids, l));
                d.asks().forEach(l -> put(asks, l));
            }
        }
    }

    private static void put(Map<BigDecimal, BigDecimal> side, DepthUpdated.Level l) {
        if (l.quantity().signum() == 0) {
            side.remove(l.price().stripTrailingZeros());
        } else {
            side.put(l.price().stripTrailingZeros(), l.quantity().stripTrailingZeros());
        }
    }

    private static Map<BigDecimal, BigDecimal> asMap(List<OrderBookDepth.Level> levels) {
        Map<BigDecimal, BigDecimal> m = new TreeMap<>();
        levels.forEach(l -> m.put(l.price().stripTrailingZeros(), l.quantity().stripTrailingZeros()));
        return m;
    }

    /** A book restored from its snapshot is the same book: same hash, and the same answers after. */
    @Test
    void snapshotRestoresAnIdenticalBook() throws IOException {
        SymbolBook original = new SymbolBook(BTC);
        Random random = new Random(11);
        List<Object> later = new ArrayList<>();
        for (int i = 1; i <= 4000; i++) {
            Object command = random.nextInt(5) == 0
                    ? new OrderCancelRequested(random.nextInt(i + 50), 1 + random.nextInt(4), "BTCUSDT")
                    : limit(i, 1 + random.nextInt(4), random.nextBoolean() ? "BUY" : "SELL",
                    (90 + random.nextInt(20)) + ".50", "0.00" + (1 + random.nextInt(9)));
            if (i <= 2000) {
                run(original, command);
            } else {
                later.add(command);
            }
        }
        original.place(limit(1, 1, "BUY", "1.00", "1")); // a repeated place: ignored, before and after
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.writeTo(new DataOutputStream(bytes));
        SymbolBook restored = new SymbolBook(BTC);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("BTCUSDT", in.readUTF());
        restored.restore(in);
        assertEquals(original.status(), restored.status());
        assertNotEquals(0, original.status().restingOrders());
        for (Object command : later) {
            assertEquals(String.valueOf(run(original, command)), String.valueOf(run(restored, command)));
        }
        assertEquals(original.status(), restored.status());
        assertEquals(String.valueOf(run(original, limit(1, 1, "BUY", "1.00", "1"))),
                String.valueOf(run(restored, limit(1, 1, "BUY", "1.00", "1"))));
    }

    private static MatchOutcome run(SymbolBook book, Object command) {
        return command instanceof OrderCreated c ? book.place(c) : book.cancel((OrderCancelRequested) command);
    }
}
