package exchange.it;

import static exchange.it.LedgerIT.everyAssetSumsToZero;
import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized multi-user trading through the real REST API, then the books are balanced: per asset
 * every account sums to zero, no balance is negative, every user's frozen funds are exactly what
 * their open orders still need, and every order's fills are its trades.
 */
class TradingInvariantIT {
    private static final String[] STP = {"EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "NONE"};

    @Test
    void randomTradingKeepsEveryBalanceAccountedFor() {
        String admin = Users.adminToken();
        Random random = new Random(7);
        List<Users.Trader> traders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Users.Trader t = fundedTrader("inv" + i, admin, "USDT", "200000");
            assertEquals(201, Api.post("/api/admin/wallet/adjustments",
                    LedgerIT.adjustment(t.id(), "BTC", "5", null), admin).status());
            traders.add(t);
        }
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        List<long[]> placed = new ArrayList<>(); // {orderId, trader index}
        for (int n = 0; n < 160; n++) {
            int who = random.nextInt(traders.size());
            Users.Trader t = traders.get(who);
            int pick = random.nextInt(100);
            if (pick < 20 && !placed.isEmpty()) {
                long[] target = placed.get(random.nextInt(placed.size()));
                Users.Trader owner = traders.get((int) target[1]);
                Api.post("/api/trade/order/cancel", "{\"orderId\":" + target[0] + "}", owner.token());
                continue;
            }
            String side = random.nextBoolean() ? "BUY" : "SELL";
            String stp = STP[random.nextInt(STP.length)];
            String body;
            if (pick < 30) {
                body = side.equals("BUY")
                        ? "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quoteQuantity\":" + (50 + random.nextInt(900))
                        + ",\"selfTradePrevention\":\"" + stp + "\"}"
                        : "{\"symbol\":\"" + symbol + "\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":" + qty(random)
                        + ",\"selfTradePrevention\":\"" + stp + "\"}";
            } else {
                String tif = pick < 80 ? "GTC" : pick < 90 ? "IOC" : "FOK";
                String type = pick > 95 ? "LIMIT_MAKER" : "LIMIT";
                String price = new BigDecimal(30_000 + (side.equals("BUY") ? -1 : 1) * (random.nextInt(400) - 150))
                        .add(new BigDecimal(random.nextInt(100)).movePointLeft(2)).toPlainString();
                body = "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"type\":\"" + type + "\""
                        + (type.equals("LIMIT") ? ",\"timeInForce\":\"" + tif + "\"" : "")
                        + ",\"price\":" + price + ",\"quantity\":" + qty(random) + ",\"selfTradePrevention\":\"" + stp + "\"}";
            }
            Api.Reply r = Api.post("/api/trade/order/create", body, t.token());
            // 409 NO_LIQUIDITY: a market order into an empty book is refused (nothing to price it by).
            assertTrue(r.status() == 201 || r.status() == 400 || r.status() == 409 && "NO_LIQUIDITY".equals(r.errorCode()), r.body());
            if (r.status() == 201) {
                placed.add(new long[] {r.json().getJsonNumber("orderId").longValue(), who});
            }
        }
        List<Long> ids = placed.stream().map(p -> p[0]).toList();
        Eventually.holds(Duration.ofSeconds(180), "every command projected", () -> EngineRecoveryIT.projectionsCaughtUp(admin)
                && Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE id IN (" + String.join(",",
                        ids.stream().map(String::valueOf).toList()) + ")") == ids.size());

        everyAssetSumsToZero();
        long trades = Db.count("SELECT COUNT(*) FROM exchange_trade.trades t JOIN exchange_trade.orders o"
                + " ON o.id = t.buy_order_id WHERE o.user_id IN (" + ids(traders) + ")");
        assertTrue(trades > 20, "the run really traded (" + trades + " trades)");
        traders.forEach(TradingInvariantIT::assertFrozenIsWhatOpenOrdersNeed);
        assertFillsAreTrades(ids(traders));
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_trade.trades WHERE buy_order_id = sell_order_id"));
    }

    /**
     * A user's frozen funds per asset are exactly what their open orders can still spend: a buy holds
     * its limit price for what is left (a fill at a better price gives the difference back at once),
     * a sell what is left to sell.
     */
    static void assertFrozenIsWhatOpenOrdersNeed(Users.Trader t) {
        for (String asset : new String[] {"BTC", "USDT"}) {
            BigDecimal frozen = Api.get("/api/wallet/accounts", t.token()).structure().asJsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("asset").equals(asset))
                    .findFirst().orElseThrow().getJsonNumber("frozen").bigDecimalValue();
            String needed = Db.string("SELECT COALESCE(SUM(CASE WHEN side = 'BUY' THEN price * (quantity - executed_qty)"
                    + " ELSE quantity - executed_qty END), 0) FROM exchange_trade.orders WHERE user_id = ? AND frozen_asset = ?"
                    + " AND status IN ('NEW', 'PARTIALLY_FILLED')", t.id(), asset);
            assertEquals(0, new BigDecimal(needed).compareTo(frozen),
                    t.email() + " " + asset + ": frozen " + frozen + " but open orders need " + needed);
        }
    }

    /** Every order's executed quantity is the sum of its trades, and FILLED means fully filled. */
    static void assertFillsAreTrades(String userIds) {
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_trade.orders o WHERE o.user_id IN (" + userIds + ")"
                + " AND o.executed_qty <> (SELECT COALESCE(SUM(t.quantity), 0) FROM exchange_trade.trades t"
                + " WHERE t.buy_order_id = o.id OR t.sell_order_id = o.id)"), "every order's fills are its trades");
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_trade.orders o WHERE o.user_id IN (" + userIds + ")"
                + " AND o.status = 'FILLED' AND o.type <> 'MARKET' AND o.executed_qty <> o.quantity"), "FILLED means fully filled");
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_trade.orders o WHERE o.user_id IN (" + userIds + ")"
                + " AND o.quantity IS NOT NULL AND o.executed_qty > o.quantity"), "no order filled beyond its quantity");
    }

    private static String qty(Random random) {
        return new BigDecimal(1 + random.nextInt(5000)).movePointLeft(5).toPlainString();
    }

    static String ids(List<Users.Trader> traders) {
        return String.join(",", traders.stream().map(t -> Long.toString(t.id())).toList());
    }
}
