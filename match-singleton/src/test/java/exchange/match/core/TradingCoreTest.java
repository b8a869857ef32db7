package exchange.match.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The core's business rules as tables: what an order holds, what a fill pays, what ends an order
 * and what a wallet command may do. One market BTC/USDT where a lot is 10 BTC units and a tick
 * times a lot is 100 USDT units; fees 0.1% maker, 0.2% taker unless a row says otherwise.
 */
class TradingCoreTest {
    static final int BTC = 0;
    static final int USDT = 1;
    static final int M = 7;
    static final long MAKER = 100_000; // 0.1%
    static final long TAKER = 200_000; // 0.2%

    EventRecorder events;
    TradingCore core;

    @BeforeEach
    void market() {
        events = new EventRecorder();
        core = new TradingCore(events);
        core.addAsset(BTC);
        core.addAsset(USDT);
        assertEquals(ResultCode.ACCEPTED, core.addMarket(M, BTC, USDT, 10, 100, MAKER, TAKER, 5_000_000));
    }

    ResultCode limit(long id, long user, Side side, long price, long lots) {
        return core.place(id, user, M, side, OrderType.LIMIT, TimeInForce.GTC, price, 0, lots, 0, SelfTradePrevention.EXPIRE_TAKER);
    }

    /** What an accepted order holds frozen, and what an order that cannot be held is answered. */
    @ParameterizedTest(name = "{0} {1} {2} at {3} reserve {4}, {5} lots, budget {6} -> {7}, holds {8} of {9}")
    @CsvSource(delimiter = '|', textBlock = """
            BUY  | LIMIT        | GTC | 50  | 0   | 3  | 0    | ACCEPTED           | 15000  | USDT
            BUY  | LIMIT        | GTC | 50  | 60  | 3  | 0    | ACCEPTED           | 18000  | USDT
            BUY  | LIMIT        | GTC | 50  | 40  | 3  | 0    | OUT_OF_RANGE       | 0      | USDT
            SELL | LIMIT        | GTC | 50  | 0   | 3  | 0    | ACCEPTED           | 30     | BTC
            BUY  | LIMIT_MAKER  | GTC | 50  | 0   | 2  | 0    | ACCEPTED           | 10000  | USDT
            BUY  | LIMIT        | GTC | 50  | 0   | 21 | 0    | INSUFFICIENT_FUNDS | 0      | USDT
            SELL | LIMIT        | GTC | 50  | 0   | 11 | 0    | INSUFFICIENT_FUNDS | 0      | BTC
            BUY  | LIMIT        | GTC | 0   | 0   | 1  | 0    | OUT_OF_RANGE       | 0      | USDT
            BUY  | LIMIT        | GTC | 50  | 0   | 0  | 0    | OUT_OF_RANGE       | 0      | USDT
            BUY  | MARKET_QUOTE | IOC | 0   | 0   | 0  | 0    | OUT_OF_RANGE       | 0      | USDT
            SELL | MARKET_QUOTE | IOC | 0   | 0   | 0  | 10   | INVALID_COMMAND    | 0      | USDT
            BUY  | LIMIT        | GTC | 1000000000000000000 | 0 | 1000000000000000000 | 0 | OUT_OF_RANGE | 0 | USDT
            """)
    void whatAnOrderHolds(Side side, OrderType type, TimeInForce tif, long price, long reserve, long lots, long budget,
                          ResultCode expected, long held, String asset) {
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(1, BTC, 100, 2);
        long before = core.stateHash();
        int a = "BTC".equals(asset) ? BTC : USDT;
        long availableBefore = core.available(1, a);
        assertEquals(expected, core.place(42, 1, M, side, type, tif, price, reserve, lots, budget, SelfTradePrevention.EXPIRE_TAKER));
        assertEquals(held, core.frozen(1, a));
        assertEquals(availableBefore - held, core.available(1, a));
        if (!expected.accepted()) {
            assertEquals(before, core.stateHash(), "a rejected order changes nothing");
        }
    }

    /** One fill of 2 lots at 50 between a resting maker and a taker: who gets what, fees in what each receives. */
    @ParameterizedTest(name = "taker {0}, maker rate {1}, taker rate {2}: buyer +{3} BTC, seller +{4} USDT, fees {5} BTC + {6} USDT")
    @CsvSource(delimiter = '|', textBlock = """
            BUY  | 100000 | 200000 | 20 | 9990  | 0 | 10
            SELL | 100000 | 200000 | 20 | 9980  | 0 | 20
            BUY  | 0      | 0      | 20 | 10000 | 0 | 0
            BUY  | 0      | 50000000 | 10 | 10000 | 10 | 0
            SELL | 0      | 50000000 | 20 | 5000  | 0 | 5000
            BUY  | 25000000 | 0    | 20 | 7500  | 0 | 2500
            """)
    void aFillPaysBothSides(Side takerSide, long makerRate, long takerRate, long buyerBase, long sellerQuote,
                            long feeBase, long feeQuote) {
        core.setMarketFees(M, makerRate, takerRate);
        core.deposit(1, USDT, 10_000, 1);
        core.deposit(2, BTC, 20, 2);
        long buyer = 1;
        long seller = 2;
        if (takerSide == Side.BUY) {
            assertEquals(ResultCode.ACCEPTED, limit(1, seller, Side.SELL, 50, 2));
            assertEquals(ResultCode.ACCEPTED, limit(2, buyer, Side.BUY, 50, 2));
        } else {
            assertEquals(ResultCode.ACCEPTED, limit(1, buyer, Side.BUY, 50, 2));
            assertEquals(ResultCode.ACCEPTED, limit(2, seller, Side.SELL, 50, 2));
        }
        assertEquals(buyerBase, core.available(buyer, BTC));
        assertEquals(0, core.available(buyer, USDT));
        assertEquals(sellerQuote, core.available(seller, USDT));
        assertEquals(0, core.available(seller, BTC));
        assertEquals(feeBase, core.available(TradingCore.FEE_ACCOUNT, BTC));
        assertEquals(feeQuote, core.available(TradingCore.FEE_ACCOUNT, USDT));
        assertEquals(0, core.frozen(buyer, USDT) + core.frozen(seller, BTC));
        assertEquals(0, core.openOrders());
    }

    @Test
    void aUserTierOverridesTheMarketsRates() {
        core.setUserFees(1, 0, 0);
        core.deposit(1, USDT, 10_000, 1);
        core.deposit(2, BTC, 20, 2);
        limit(1, 2, Side.SELL, 50, 2);
        limit(2, 1, Side.BUY, 50, 2);
        assertEquals(20, core.available(1, BTC), "user 1 pays no fee");
        assertEquals(10_000 - 10, core.available(2, USDT), "user 2 pays the market's maker rate");
    }

    @Test
    void aBuyBelowItsReserveGetsTheDifferenceBackAtEachFill() {
        core.setMarketFees(M, 0, 0);
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(2, BTC, 100, 2);
        limit(1, 2, Side.SELL, 40, 1);
        assertEquals(ResultCode.ACCEPTED, core.place(2, 1, M, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50, 60, 3, 0,
                SelfTradePrevention.EXPIRE_TAKER));
        // Held 60 x 3 x 100 = 18 000; paid 40 x 1 x 100 = 4 000 and got 2 000 back; 2 lots rest holding 12 000.
        assertEquals(12_000, core.frozen(1, USDT));
        assertEquals(12_000, core.held(2));
        assertEquals(100_000 - 4_000 - 12_000, core.available(1, USDT));
        assertEquals(ResultCode.MOVE_ABOVE_RESERVE, core.move(2, 1, 61));
        assertEquals(ResultCode.ACCEPTED, core.move(2, 1, 60));
        assertEquals(60, core.order(2).price(), "an order moved reports its new price");
        assertEquals(ResultCode.ACCEPTED, core.cancel(2, 1));
        assertEquals(0, core.frozen(1, USDT));
        assertEquals(96_000, core.available(1, USDT));
    }

    /** What ends an order, and that it gives back everything it still held. */
    @ParameterizedTest(name = "{0} {1} {2} into a book with asks 2@50 -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            LIMIT       | IOC | 3 | EXPIRED               | 10000
            LIMIT       | FOK | 3 | FOK_UNFILLABLE        | 0
            LIMIT       | FOK | 2 | FILLED                | 10000
            LIMIT_MAKER | GTC | 1 | POST_ONLY_WOULD_CROSS | 0
            LIMIT       | GTC | 1 | FILLED                | 5000
            """)
    void anEndedOrderHoldsNothing(OrderType type, TimeInForce tif, long lots, String reason, long spent) {
        core.setMarketFees(M, 0, 0);
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(2, BTC, 20, 2);
        limit(1, 2, Side.SELL, 50, 2);
        events.drain();
        assertEquals(ResultCode.ACCEPTED, core.place(2, 1, M, Side.BUY, type, tif, 50, 0, lots, 0, SelfTradePrevention.EXPIRE_TAKER));
        EngineEvent.Done done = events.drain().stream().filter(e -> e instanceof EngineEvent.Done d && d.orderId() == 2)
                .map(EngineEvent.Done.class::cast).findFirst().orElseThrow();
        assertEquals(reason, done.reason().name());
        assertEquals(0, core.frozen(1, USDT));
        assertEquals(100_000 - spent, core.available(1, USDT));
        assertEquals(-1, core.held(2));
    }

    @Test
    void aMarketBuyByQuantityIsPricedFromTheBookWithItsMargin() {
        core.setMarketFees(M, 0, 0);
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(2, BTC, 100, 2);
        limit(1, 2, Side.SELL, 40, 1);
        limit(2, 2, Side.SELL, 100, 5);
        // 3 lots reach the level at 100: priced at 105 (5% margin), holding 105 x 3 x 100 = 31 500.
        events.drain();
        assertEquals(ResultCode.ACCEPTED, core.place(3, 1, M, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 3, 0,
                SelfTradePrevention.EXPIRE_TAKER));
        List<EngineEvent> out = events.drain();
        assertTrue(out.contains(new EngineEvent.OrderAccepted(3, 1, M, Side.BUY, USDT, 31_500)), out.toString());
        assertEquals(30, core.available(1, BTC));
        assertEquals(100_000 - 4_000 - 20_000, core.available(1, USDT));
        assertEquals(0, core.frozen(1, USDT));
    }

    @Test
    void aMarketOrderIntoAnEmptySideIsRefused() {
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(1, BTC, 100, 2);
        assertEquals(ResultCode.NO_LIQUIDITY, core.place(1, 1, M, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 0, 1, 0,
                SelfTradePrevention.EXPIRE_TAKER));
        assertEquals(ResultCode.NO_LIQUIDITY, core.place(2, 1, M, Side.BUY, OrderType.MARKET_QUOTE, TimeInForce.IOC, 0, 0, 0,
                10, SelfTradePrevention.EXPIRE_TAKER));
        assertEquals(0, core.frozen(1, USDT) + core.frozen(1, BTC));
    }

    @Test
    void aQuoteSizedBuySpendsAtMostItsBudget() {
        core.setMarketFees(M, 0, 0);
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(2, BTC, 100, 2);
        limit(1, 2, Side.SELL, 30, 2);
        // Budget 100 tick-lots (10 000 units): the 2 lots at 30 cost 60 of them; the other 40 find nothing and go back.
        assertEquals(ResultCode.ACCEPTED, core.place(2, 1, M, Side.BUY, OrderType.MARKET_QUOTE, TimeInForce.IOC, 0, 0, 0,
                100, SelfTradePrevention.EXPIRE_TAKER));
        assertEquals(20, core.available(1, BTC));
        assertEquals(100_000 - 6_000, core.available(1, USDT));
        assertEquals(0, core.frozen(1, USDT));
    }

    @Test
    void ordersAndCancelsAnswerTheirCodes() {
        core.deposit(1, USDT, 100_000, 1);
        assertEquals(ResultCode.ACCEPTED, limit(1, 1, Side.BUY, 10, 1));
        assertEquals(ResultCode.DUPLICATE_ORDER_ID, limit(1, 1, Side.BUY, 10, 1));
        assertEquals(ResultCode.UNKNOWN_ORDER, core.cancel(1, 2), "another user's order");
        assertEquals(ResultCode.UNKNOWN_ORDER, core.cancel(9, 1));
        assertEquals(ResultCode.UNKNOWN_MARKET, core.place(2, 1, 99, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, 0, 1, 0,
                SelfTradePrevention.EXPIRE_TAKER));
        core.haltMarket(M, true);
        assertEquals(ResultCode.MARKET_HALTED, limit(3, 1, Side.BUY, 10, 1));
        assertEquals(ResultCode.ACCEPTED, core.cancel(1, 1), "a halted market still takes cancels");
        assertEquals(ResultCode.UNKNOWN_ORDER, core.cancel(1, 1), "the second cancel finds nothing");
        assertEquals(100_000, core.available(1, USDT));
    }

    @Test
    void aWithdrawalIsFrozenOnceAndEndsOnce() {
        core.deposit(1, BTC, 100, 1);
        assertEquals(ResultCode.INSUFFICIENT_FUNDS, core.freezeWithdrawal(5, 1, BTC, 101));
        assertEquals(ResultCode.ACCEPTED, core.freezeWithdrawal(5, 1, BTC, 60));
        assertEquals(ResultCode.DUPLICATE_WITHDRAWAL, core.freezeWithdrawal(5, 1, BTC, 10));
        assertEquals(ResultCode.INSUFFICIENT_FUNDS, core.freezeWithdrawal(6, 1, BTC, 41));
        assertEquals(ResultCode.ACCEPTED, core.completeWithdrawal(5));
        assertEquals(ResultCode.UNKNOWN_WITHDRAWAL, core.completeWithdrawal(5));
        assertEquals(ResultCode.UNKNOWN_WITHDRAWAL, core.releaseWithdrawal(5));
        assertEquals(40, core.available(1, BTC));
        assertEquals(0, core.frozen(1, BTC));
        assertEquals(40, core.supply(BTC));
        assertEquals(ResultCode.ACCEPTED, core.freezeWithdrawal(6, 1, BTC, 40));
        assertEquals(ResultCode.ACCEPTED, core.releaseWithdrawal(6));
        assertEquals(40, core.available(1, BTC));
        assertEquals(ResultCode.DUPLICATE_WITHDRAWAL, core.freezeWithdrawal(6, 1, BTC, 40), "an ended withdrawal is not frozen again");
        assertEquals(40, core.available(1, BTC));
    }

    /** The wallet may ask twice (a rolled-back transaction, a retry): a deposit or adjustment counts once. */
    @Test
    void aDepositOrAdjustmentIsAppliedOncePerBusinessId() {
        assertEquals(ResultCode.ACCEPTED, core.deposit(1, BTC, 100, 77));
        assertEquals(ResultCode.DUPLICATE_DEPOSIT, core.deposit(1, BTC, 100, 77));
        assertEquals(ResultCode.DUPLICATE_DEPOSIT, core.deposit(2, BTC, 5, 77), "the id, not the user, decides");
        assertEquals(ResultCode.ACCEPTED, core.adjust(1, BTC, -30, 77), "adjustments are their own ids");
        assertEquals(ResultCode.DUPLICATE_ADJUSTMENT, core.adjust(1, BTC, -30, 77));
        assertEquals(70, core.available(1, BTC));
        assertEquals(70, core.supply(BTC));
    }

    /** Money commands: what each answers, and the supply bound that keeps every sum inside a long. */
    @ParameterizedTest(name = "{0} {1} of asset {2} for user {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            deposit | 5                    | 0 | 1  | ACCEPTED
            deposit | 0                    | 0 | 1  | OUT_OF_RANGE
            deposit | -5                   | 0 | 1  | OUT_OF_RANGE
            deposit | 5                    | 9 | 1  | UNKNOWN_ASSET
            deposit | 5                    | 0 | 0  | INVALID_COMMAND
            deposit | 999999999999999901   | 0 | 1  | SUPPLY_LIMIT
            deposit | 999999999999999900   | 0 | 1  | ACCEPTED
            adjust  | -100                 | 0 | 1  | ACCEPTED
            adjust  | -101                 | 0 | 1  | INSUFFICIENT_FUNDS
            adjust  | 7                    | 0 | 2  | ACCEPTED
            adjust  | 0                    | 0 | 1  | OUT_OF_RANGE
            """)
    void moneyCommands(String command, long amount, int asset, long user, ResultCode expected) {
        core.deposit(1, BTC, 100, 1);
        ResultCode code = "deposit".equals(command) ? core.deposit(user, asset, amount, 2) : core.adjust(user, asset, amount, 2);
        assertEquals(expected, code);
        assertTrue(core.supply(BTC) <= TradingCore.MAX_SUPPLY);
    }

    /**
     * KYC trading limits in the quote asset (largest order 50 000, 80 000 a day, USDT units): a buy
     * counts what it holds, a sell what it asks; a refused order uses nothing; a new UTC day starts
     * from nothing; a level with no limits in an asset cannot trade in it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one order within both limits          | BUY 50x10                       | ACCEPTED
            one order past the largest            | BUY 51x10                       | TRADING_LIMIT
            the day adds up                       | BUY 40x10; SELL 41x10           | ACCEPTED; TRADING_LIMIT
            a refused order counts nothing        | BUY 40x10; BUY 99x10; BUY 40x10 | ACCEPTED; TRADING_LIMIT; ACCEPTED
            a new day starts from nothing         | BUY 40x10; NEXTDAY; BUY 45x10   | ACCEPTED; ACCEPTED
            a level without limits cannot trade   | LEVEL2; BUY 1x1                 | TRADING_LIMIT
            """)
    void tradingLimitsOfTheUsersLevel(String rule, String steps, String codes) {
        core.setMarketFees(M, 0, 0);
        core.setLevelLimits(0, USDT, 50_000, 80_000);
        core.setTime(1_700_000_000_000L);
        core.deposit(1, USDT, 10_000_000, 1);
        core.deposit(1, BTC, 10_000, 2);
        java.util.Iterator<String> expected = java.util.Arrays.stream(codes.split(";")).map(String::trim).iterator();
        long id = 10;
        for (String step : steps.split(";")) {
            step = step.trim();
            if (step.equals("NEXTDAY")) {
                core.setTime(1_700_000_000_000L + 86_400_000L);
                continue;
            }
            if (step.equals("LEVEL2")) {
                core.setUserLevel(1, 2);
                continue;
            }
            String[] parts = step.split(" ");
            String[] priceLots = parts[1].split("x");
            long lots = Long.parseLong(priceLots[1]);
            // 10 lots at 41 ask 41 x 10 x 100 = 41 000; the buys rest below the sells: nothing trades.
            long price = Long.parseLong(priceLots[0]);
            Side side = Side.valueOf(parts[0]);
            ResultCode code = core.place(id++, 1, M, side, OrderType.LIMIT, TimeInForce.GTC, price, 0, lots, 0,
                    SelfTradePrevention.EXPIRE_TAKER);
            assertEquals(expected.next(), code.name(), step);
        }
        assertTrue(!expected.hasNext());
    }

    @Test
    void aSellCountsWhatItAsksAgainstTheLimits() {
        core.setLevelLimits(0, USDT, 50_000, 1_000_000);
        core.deposit(1, BTC, 10_000, 1);
        // 10 lots at 60 ask 60 x 10 x 100 = 60 000 USDT units: past the largest order.
        assertEquals(ResultCode.TRADING_LIMIT, limit(1, 1, Side.SELL, 60, 10));
        assertEquals(ResultCode.ACCEPTED, limit(2, 1, Side.SELL, 50, 10));
        assertEquals(50_000, core.usedToday(1, USDT));
    }

    @Test
    void aClientOrderIdPlacesOnceAndFindsTheFirstOrder() {
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(2, USDT, 100_000, 2);
        assertEquals(ResultCode.ACCEPTED, core.place(5, 1, M, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, 0, 1, 0,
                SelfTradePrevention.EXPIRE_TAKER, "mine-1"));
        assertEquals(ResultCode.DUPLICATE_CLIENT_ORDER_ID, core.place(6, 1, M, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10,
                0, 1, 0, SelfTradePrevention.EXPIRE_TAKER, "mine-1"));
        assertEquals(5, core.orderIdOf(1, "mine-1"));
        assertEquals(-1, core.orderIdOf(2, "mine-1"), "another user's names are their own");
        assertEquals(ResultCode.ACCEPTED, core.place(7, 2, M, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, 0, 1, 0,
                SelfTradePrevention.EXPIRE_TAKER, "mine-1"));
        core.cancel(5, 1);
        assertEquals(ResultCode.DUPLICATE_CLIENT_ORDER_ID, core.place(8, 1, M, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10,
                0, 1, 0, SelfTradePrevention.EXPIRE_TAKER, "mine-1"), "still remembered once the order ended");
        assertEquals(8, core.lastOrderId(), "ids are numbered after every id seen, refused or not");
    }

    @Test
    void anOpenOrderReportsItsFillsAndItsOwnersOrdersNewestFirst() {
        core.setMarketFees(M, 0, 0);
        core.setTime(1_234);
        core.deposit(1, USDT, 100_000, 1);
        core.deposit(2, BTC, 100, 2);
        limit(1, 2, Side.SELL, 40, 1);
        core.place(2, 1, M, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50, 0, 3, 0, SelfTradePrevention.EXPIRE_TAKER, "b");
        limit(3, 1, Side.BUY, 20, 1);
        TradingCore.OrderState two = core.order(2);
        assertEquals(1, two.executed());
        assertEquals(4_000, two.quoteFilled());
        assertEquals(3, two.lots());
        assertEquals("b", two.clientOrderId());
        assertEquals(1_234, two.createdAt());
        assertEquals(10_000, two.held());
        assertEquals(List.of(3L, 2L), core.openOrdersOf(1).stream().map(TradingCore.OrderState::orderId).toList());
        core.cancel(2, 1);
        assertEquals(List.of(3L), core.openOrdersOf(1).stream().map(TradingCore.OrderState::orderId).toList());
        assertEquals(null, core.order(2));
    }

    @ParameterizedTest(name = "{0} x {1} / 1e8 = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1000                | 100000    | 1
            1499                | 100000    | 1
            1500                | 100000    | 2
            0                   | 100000    | 0
            1000000000000000000 | 100000000 | 1000000000000000000
            1000000000000000000 | 100000    | 1000000000000000
            999999999999999999  | 99999999  | 999999989999999999
            1                   | 50000000  | 1
            """)
    void feesRoundHalfUpAndNeverOverflow(long amount, long rate, long fee) {
        assertEquals(fee, Fees.of(amount, rate));
    }
}
