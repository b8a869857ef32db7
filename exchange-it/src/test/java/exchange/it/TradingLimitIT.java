package exchange.it;

import static exchange.it.LedgerIT.available;
import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.RegistrationIT.assertError;
import static exchange.it.TradingIT.freshSymbol;
import static exchange.it.TradingIT.limit;
import static exchange.it.TradingIT.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The trading limits of each KYC level (trade_limits): level 0 may order at most 100 ETH of
 * notional at once and 300 ETH per UTC day on ETH-quoted markets, level 1 ten times that. A
 * refused order leaves nothing behind: no order, nothing frozen, no usage counted.
 */
class TradingLimitIT {

    @Test
    void ordersStayWithinTheLevelsOrderAndDailyLimits() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("limits", admin, "ETH", "2000");
        Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), "BTC", "10", null), admin);
        String symbol = freshSymbol(admin, "BTC", "ETH", "0.01", "0.001", "1");

        assertError(400, "TRADING_LIMIT_EXCEEDED", order(t, limit(symbol, "BUY", "150", "1")));
        assertError(400, "TRADING_LIMIT_EXCEEDED", order(t, limit(symbol, "SELL", "60000", "0.002")));
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE user_id = ?", t.id()), "no order written");
        assertEquals(0, available(t, "ETH").compareTo(new BigDecimal("2000")), "nothing frozen");
        assertEquals(0, usedToday(t).signum(), "a refused order counts nothing");

        for (int i = 0; i < 3; i++) {
            Api.Reply r = order(t, limit(symbol, "BUY", "100", "1"));
            assertEquals(201, r.status(), r.body());
        }
        assertEquals(0, usedToday(t).compareTo(new BigDecimal("300")));
        Api.Reply overDaily = order(t, limit(symbol, "BUY", "1", "1"));
        assertError(400, "TRADING_LIMIT_EXCEEDED", overDaily);
        assertEquals(0, usedToday(t).compareTo(new BigDecimal("300")), "the refused order's 1 ETH taken back out");
        JsonObject eth = limits(t);
        assertEquals(0, eth.getInt("kycLevel"));
        assertEquals(0, eth.getJsonNumber("orderMax").bigDecimalValue().compareTo(new BigDecimal("100")));
        assertEquals(0, eth.getJsonNumber("dailyMax").bigDecimalValue().compareTo(new BigDecimal("300")));

        // Level 1 (an approved phone application) may order 1000 at once and 3000 a day.
        long application = Api.post("/api/user/kyc/applications", "{\"level\":1,\"phone\":\"+4915112345678\"}", t.token())
                .json().getJsonNumber("id").longValue();
        assertEquals(200, Api.post("/api/admin/kyc/" + application + "/approve", "{}", admin).status());
        Api.Reply larger = order(t, limit(symbol, "BUY", "150", "1"));
        assertEquals(201, larger.status(), larger.body());
        assertEquals(0, usedToday(t).compareTo(new BigDecimal("450")));
        assertEquals(1, limits(t).getInt("kycLevel"));
    }

    /** With no bid a market sell has no price to count against the limits: it is refused, not counted as nothing. */
    @Test
    void aMarketSellIntoAnEmptyBookIsRefusedNotCountedAsNothing() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("mkt-sell", admin, "BTC", "100");
        String symbol = freshSymbol(admin, "BTC", "ETH", "0.01", "0.001", "1");
        Api.Reply refused = order(t, "{\"symbol\":\"" + symbol + "\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":50}");
        assertError(409, "NO_LIQUIDITY", refused);
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE user_id = ?", t.id()), "no order written");
        assertEquals(0, available(t, "BTC").compareTo(new BigDecimal("100")), "nothing frozen");
    }

    private static JsonObject limits(Users.Trader t) {
        return Api.get("/api/trade/limits", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("quoteAsset").equals("ETH")).findFirst().orElseThrow();
    }

    private static BigDecimal usedToday(Users.Trader t) {
        return limits(t).getJsonNumber("usedToday").bigDecimalValue();
    }
}
