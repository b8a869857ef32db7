package exchange.match.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules, one example each. Prices in ticks, quantities in lots. */
class OrderBookTest {
    private OrderBook book;
    private RecordingListener out;

    @BeforeEach
    void setUp() {
        book = new OrderBook();
        out = new RecordingListener();
    }

    private List<String> limit(long id, long user, Side side, long price, long qty, TimeInForce tif) {
        out.lines.clear();
        book.place(id, user, side, OrderType.LIMIT, tif, price, qty, 0, SelfTradePrevention.EXPIRE_TAKER, out);
        return List.copyOf(out.lines);
    }

    private List<String> gtc(long id, long user, Side side, long price, long qty) {
        return limit(id, user, side, price, qty, TimeInForce.GTC);
    }

    @Test
    void bestPriceFirstThenOldestFirst() {
        gtc(1, 1, Side.SELL, 101, 5);
        gtc(2, 2, Side.SELL, 100, 5);
        gtc(3, 3, Side.SELL, 100, 5);
        assertEquals(List.of(
                "T 2/2 4/9 BUY 100 x 5", "D 2/2 FILLED 0",
                "T 3/3 4/9 BUY 100 x 2",
                "D 4/9 FILLED 0"), gtc(4, 9, Side.BUY, 100, 7));
        assertEquals(List.of(
                "T 3/3 5/9 BUY 100 x 3", "D 3/3 FILLED 0",
                "T 1/1 5/9 BUY 101 x 4",
                "D 5/9 FILLED 0"), gtc(5, 9, Side.BUY, 105, 7));
        assertEquals(1, book.restingOrders());
    }

    @Test
    void gtcRemainderRestsIocRemainderExpires() {
        gtc(1, 1, Side.SELL, 100, 5);
        assertEquals(List.of("T 1/1 2/2 BUY 100 x 5", "D 1/1 FILLED 0", "R 2/2 BUY 100 x 3"), gtc(2, 2, Side.BUY, 100, 8));
        gtc(3, 3, Side.SELL, 100, 1);
        assertEquals(List.of("D 4/4 EXPIRED 6"), limit(4, 4, Side.SELL, 101, 6, TimeInForce.IOC));
    }

    @Test
    void fillOrKillTradesAllOrNothing() {
        gtc(1, 1, Side.SELL, 100, 5);
        gtc(2, 2, Side.SELL, 101, 5);
        assertEquals(List.of("D 3/3 FOK_UNFILLABLE 11"), limit(3, 3, Side.BUY, 101, 11, TimeInForce.FOK));
        assertEquals(List.of("D 4/3 FOK_UNFILLABLE 6"), limit(4, 3, Side.BUY, 100, 6, TimeInForce.FOK));
        assertEquals(List.of("T 1/1 5/3 BUY 100 x 5", "D 1/1 FILLED 0", "T 2/2 5/3 BUY 101 x 5", "D 2/2 FILLED 0",
                "D 5/3 FILLED 0"), limit(5, 3, Side.BUY, 101, 10, TimeInForce.FOK));
    }

    @Test
    void postOnlyNeverTakes() {
        gtc(1, 1, Side.SELL, 100, 5);
        out.lines.clear();
        book.place(2, 2, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC, 100, 5, 0, SelfTradePrevention.NONE, out);
        book.place(3, 2, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC, 99, 5, 0, SelfTradePrevention.NONE, out);
        assertEquals(List.of("D 2/2 POST_ONLY_WOULD_CROSS 5", "R 3/2 BUY 99 x 5"), out.lines);
    }

    @Test
    void marketBuyByQuoteSpendsTheBudgetAndReturnsTheDust() {
        gtc(1, 1, Side.SELL, 100, 3);
        gtc(2, 1, Side.SELL, 150, 10);
        out.lines.clear();
        book.place(3, 2, Side.BUY, OrderType.MARKET_QUOTE, TimeInForce.IOC, 0, 0, 640, SelfTradePrevention.NONE, out);
        assertEquals(List.of("T 1/1 3/2 BUY 100 x 3", "D 1/1 FILLED 0", "T 2/1 3/2 BUY 150 x 2", "D 3/2 EXPIRED 40"),
                out.lines);
    }

    @Test
    void marketSellTakesWhatThereIsAndExpiresTheRest() {
        gtc(1, 1, Side.BUY, 100, 3);
        out.lines.clear();
        book.place(2, 2, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 5, 0, SelfTradePrevention.NONE, out);
        assertEquals(List.of("T 1/1 2/2 SELL 100 x 3", "D 1/1 FILLED 0", "D 2/2 EXPIRED 2"), out.lines);
    }

    @Test
    void selfTradePreventionModes() {
        gtc(1, 7, Side.SELL, 100, 5);
        gtc(2, 8, Side.SELL, 100, 5);
        out.lines.clear();
        book.place(3, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 4, 0, SelfTradePrevention.EXPIRE_TAKER, out);
        assertEquals(List.of("D 3/7 STP_EXPIRED_TAKER 4"), out.lines);

        out.lines.clear();
        book.place(4, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 4, 0, SelfTradePrevention.EXPIRE_MAKER, out);
        assertEquals(List.of("D 1/7 STP_EXPIRED_MAKER 5", "T 2/8 4/7 BUY 100 x 4", "D 4/7 FILLED 0"), out.lines);

        gtc(5, 7, Side.SELL, 100, 5);
        out.lines.clear();
        book.place(6, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 9, 0, SelfTradePrevention.EXPIRE_BOTH, out);
        assertEquals(List.of("T 2/8 6/7 BUY 100 x 1", "D 2/8 FILLED 0", "D 5/7 STP_EXPIRED_MAKER 5",
                "D 6/7 STP_EXPIRED_TAKER 8"), out.lines);

        gtc(7, 7, Side.SELL, 100, 5);
        out.lines.clear();
        book.place(8, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 5, 0, SelfTradePrevention.NONE, out);
        assertEquals(List.of("T 7/7 8/7 BUY 100 x 5", "D 7/7 FILLED 0", "D 8/7 FILLED 0"), out.lines);
        assertEquals(0, book.restingOrders());
    }

    @Test
    void cancelsOnlyTheOwnersLiveOrders() {
        gtc(1, 1, Side.BUY, 100, 5);
        out.lines.clear();
        book.cancel(1, 2, out);
        book.cancel(99, 1, out);
        book.cancel(1, 1, out);
        book.cancel(1, 1, out);
        assertEquals(List.of("D 1/2 UNKNOWN_ORDER 0", "D 99/1 UNKNOWN_ORDER 0", "D 1/1 CANCELED 5",
                "D 1/1 UNKNOWN_ORDER 0"), out.lines);
    }

    @Test
    void aLiveIdCannotBeUsedTwice() {
        gtc(1, 1, Side.BUY, 100, 5);
        assertEquals(List.of("D 1/1 DUPLICATE_ORDER_ID 3"), gtc(1, 1, Side.BUY, 99, 3));
    }
}
