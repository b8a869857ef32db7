package exchange.it;

import static exchange.it.LedgerIT.everyAssetSumsToZero;
import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seed 3.3 end to end: place, match, settle, cancel, through the real REST API and engine. */
public class TradingIT {
    private static final Duration SETTLED = Duration.ofSeconds(30);

    /**
     * A market of its own for each test: books are shared by everyone, so a test on BTCUSDT could
     * trade against what an earlier test left resting.
     */
    public static String freshSymbol(String admin, String base, String quote, String tick, String step, String minNotional) {
        String symbol = base + "T" + (100_000 + new java.util.Random().nextInt(900_000));
        Api.Reply r = Api.post("/api/admin/markets", "{\"symbol\":\"" + symbol + "\",\"baseAsset\":\"" + base
                + "\",\"quoteAsset\":\"" + quote + "\",\"priceTick\":" + tick + ",\"quantityStep\":" + step
                + ",\"minNotional\":" + minNotional + ",\"makerFee\":0.001,\"takerFee\":0.001}", admin);
        assertEquals(201, r.status(), r.body());
        return symbol;
    }

    public static Api.Reply order(Users.Trader t, String json) {
        return Api.post("/api/trade/order/create", json, t.token());
    }

    static String limit(String side, String price, String qty) {
        return limit("BTCUSDT", side, price, qty);
    }

    public static String limit(String symbol, String side, String price, String qty) {
        return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\","
                + "\"price\":" + price + ",\"quantity\":" + qty + "}";
    }

    public static JsonObject awaitStatus(Users.Trader t, long orderId, String status) {
        return Eventually.get(SETTLED, () -> {
            JsonObject o = Api.get("/api/trade/order/" + orderId, t.token()).json();
            return status.equals(o.getString("status")) ? o : null;
        });
    }

    static BigDecimal balance(Users.Trader t, String asset, String field) {
        return Api.get("/api/wallet/accounts", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getString("asset").equals(asset)).findFirst().orElseThrow()
                .getJsonNumber(field).bigDecimalValue();
    }

    static void assertAmount(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + " was " + actual);
    }

    @Test
    void aCrossingOrderTradesAtTheMakersPriceAndSettlesBothSides() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("seller", admin, "BTC", "10");
        Users.Trader buyer = fundedTrader("buyer", admin, "USDT", "100000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");

        Api.Reply sell = order(seller, limit(symbol, "SELL", "30000", "1"));
        assertEquals(201, sell.status(), sell.body());
        long sellId = sell.json().getJsonNumber("orderId").longValue();
        assertAmount("9", balance(seller, "BTC", "available"), "seller BTC available after freeze");
        assertAmount("1", balance(seller, "BTC", "frozen"), "seller BTC frozen");
        awaitStatus(seller, sellId, "NEW");

        Api.Reply buy = order(buyer, limit(symbol, "BUY", "30100", "0.4"));
        assertEquals(201, buy.status(), buy.body());
        long buyId = buy.json().getJsonNumber("orderId").longValue();

        JsonObject filled = awaitStatus(buyer, buyId, "FILLED");
        assertAmount("0.4", filled.getJsonNumber("executedQuantity").bigDecimalValue(), "buy executed");
        assertAmount("12000", filled.getJsonNumber("cumulativeQuoteQuantity").bigDecimalValue(), "at the maker's price");
        JsonObject partial = awaitStatus(seller, sellId, "PARTIALLY_FILLED");
        assertAmount("0.4", partial.getJsonNumber("executedQuantity").bigDecimalValue(), "sell executed");

        // buyer paid 12 000 (the 40 USDT frozen above the fill price came back), got 0.4 BTC less 0.1% taker fee
        assertAmount("88000", balance(buyer, "USDT", "available"), "buyer USDT");
        assertAmount("0", balance(buyer, "USDT", "frozen"), "buyer USDT frozen");
        assertAmount("0.3996", balance(buyer, "BTC", "available"), "buyer BTC");
        // seller got 12 000 less 0.1% maker fee; 0.6 BTC still frozen for the resting rest
        assertAmount("11988", balance(seller, "USDT", "available"), "seller USDT");
        assertAmount("0.6", balance(seller, "BTC", "frozen"), "seller BTC frozen");

        JsonObject trade = Api.get("/api/trade/trades?symbol=" + symbol, buyer.token()).json().getJsonArray("items").getJsonObject(0);
        assertEquals("BUY", trade.getString("side"));
        assertEquals(false, trade.getBoolean("maker"));
        assertEquals(1, Api.get("/api/trade/trades", seller.token()).json().getInt("total"));

        // another user can neither see nor cancel it
        assertError(404, "NOT_FOUND", Api.get("/api/trade/order/" + sellId, buyer.token()));
        assertError(404, "NOT_FOUND", Api.post("/api/trade/order/cancel", "{\"orderId\":" + sellId + "}", buyer.token()));

        assertEquals(202, Api.post("/api/trade/order/cancel", "{\"orderId\":" + sellId + "}", seller.token()).status());
        awaitStatus(seller, sellId, "CANCELED");
        assertAmount("9.6", balance(seller, "BTC", "available"), "seller BTC after cancel");
        assertAmount("0", balance(seller, "BTC", "frozen"), "nothing left frozen");
        assertError(409, "ORDER_NOT_OPEN", Api.post("/api/trade/order/cancel", "{\"orderId\":" + sellId + "}", seller.token()));
        everyAssetSumsToZero();
    }

    @Test
    void aMarketBuyByQuoteSpendsItsBudgetAndReturnsTheRest() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("mseller", admin, "ETH", "5");
        Users.Trader buyer = fundedTrader("mbuyer", admin, "USDT", "1000");
        String symbol = freshSymbol(admin, "ETH", "USDT", "0.01", "0.0001", "5");
        long sellId = order(seller, "{\"symbol\":\"" + symbol + "\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"price\":2000,\"quantity\":2}")
                .json().getJsonNumber("orderId").longValue();
        awaitStatus(seller, sellId, "NEW");
        Api.Reply market = order(buyer, "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quoteQuantity\":500.5}");
        assertEquals(201, market.status(), market.body());
        long marketId = market.json().getJsonNumber("orderId").longValue();
        JsonObject done = Eventually.get(SETTLED, () -> {
            JsonObject o = Api.get("/api/trade/order/" + marketId, buyer.token()).json();
            return o.getString("status").equals("NEW") ? null : o;
        });
        // 500.5 USDT buys 0.2502 ETH at 2000 (step 0.0001): 500.4 spent, 0.1 returned
        assertAmount("0.2502", done.getJsonNumber("executedQuantity").bigDecimalValue(), "bought");
        assertAmount("499.6", balance(buyer, "USDT", "available"), "buyer USDT");
        assertAmount("0", balance(buyer, "USDT", "frozen"), "nothing left frozen");
        everyAssetSumsToZero();
    }

    @Test
    void aMarketBuyByQuantityPaysTheMakersPricesWithinItsProtection() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("qseller", admin, "ETH", "5");
        Users.Trader buyer = fundedTrader("qbuyer", admin, "USDT", "1000");
        String symbol = freshSymbol(admin, "ETH", "USDT", "0.01", "0.0001", "5");
        String marketBuy = "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":0.8}";
        assertError(409, "NO_LIQUIDITY", order(buyer, marketBuy));
        assertError(400, "INVALID_ORDER", order(buyer, "{\"symbol\":\"" + symbol
                + "\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":0.8,\"quoteQuantity\":100}"));
        assertAmount("1000", balance(buyer, "USDT", "available"), "rejections freeze nothing");
        awaitStatus(seller, order(seller, limit(symbol, "SELL", "100", "0.5")).json().getJsonNumber("orderId").longValue(), "NEW");
        awaitStatus(seller, order(seller, limit(symbol, "SELL", "102", "0.5")).json().getJsonNumber("orderId").longValue(), "NEW");

        Api.Reply market = order(buyer, marketBuy);
        assertEquals(201, market.status(), market.body());
        // Protection: 102 + 5% = 107.1 per ETH, so 0.8 x 107.1 = 85.68 frozen until it settles.
        assertAmount("85.68", market.json().getJsonNumber("price").bigDecimalValue().multiply(new BigDecimal("0.8")),
                "frozen at the protection price");
        JsonObject done = awaitStatus(buyer, market.json().getJsonNumber("orderId").longValue(), "FILLED");
        assertAmount("0.8", done.getJsonNumber("executedQuantity").bigDecimalValue(), "bought");
        // 0.5 x 100 + 0.3 x 102 = 80.6 paid at the makers' prices, the rest of the freeze returned.
        assertAmount("919.4", balance(buyer, "USDT", "available"), "buyer USDT");
        assertAmount("0", balance(buyer, "USDT", "frozen"), "nothing left frozen");
        everyAssetSumsToZero();
    }

    @Test
    void aFeeTierReplacesTheSymbolsRatesForItsUsers() {
        String admin = Users.adminToken();
        String tier = "IT" + (100_000 + new java.util.Random().nextInt(900_000));
        assertEquals(200, Api.put("/api/admin/fees/tiers/" + tier, "{\"makerFee\":0,\"takerFee\":0.0002}", admin).status());
        assertError(400, "VALIDATION_FAILED", Api.put("/api/admin/fees/tiers/" + tier, "{\"makerFee\":0.5,\"takerFee\":0}", admin));
        Users.Trader seller = fundedTrader("tseller", admin, "BTC", "1");
        Users.Trader buyer = fundedTrader("tbuyer", admin, "USDT", "10000");
        assertEquals(200, Api.put("/api/admin/fees/users/" + buyer.id(), "{\"tier\":\"" + tier + "\"}", admin).status());
        assertError(404, "NOT_FOUND", Api.put("/api/admin/fees/users/" + seller.id(), "{\"tier\":\"NO_SUCH_TIER\"}", admin));
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        awaitStatus(seller, order(seller, limit(symbol, "SELL", "20000", "0.5")).json().getJsonNumber("orderId").longValue(), "NEW");
        long buyId = order(buyer, limit(symbol, "BUY", "20000", "0.5")).json().getJsonNumber("orderId").longValue();
        awaitStatus(buyer, buyId, "FILLED");
        // The buyer took liquidity at the tier's 0.0002; the seller made it at the symbol's 0.001.
        assertAmount("0.4999", balance(buyer, "BTC", "available"), "buyer BTC after a 0.0002 taker fee");
        assertAmount("9990", balance(seller, "USDT", "available"), "seller USDT after a 0.001 maker fee");
        assertEquals(200, Api.put("/api/admin/fees/users/" + buyer.id(), "{\"tier\":null}", admin).status());

        // Finance's fund flows: the buyer's statement adds up to the balances, fee income has both sides.
        for (String asset : java.util.List.of("USDT", "BTC")) {
            java.util.List<JsonObject> flows = Eventually.get(SETTLED, () -> {
                var f = Api.get("/api/wallet/flows?asset=" + asset, buyer.token()).structure().asJsonArray()
                        .getValuesAs(JsonObject.class);
                BigDecimal sum = f.stream().map(x -> x.getJsonNumber("deltaAvailable").bigDecimalValue())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                return sum.compareTo(balance(buyer, asset, "available")) == 0 && !f.isEmpty() ? f : null;
            });
            flows.forEach(f -> assertEquals(buyer.id(), f.getJsonNumber("userId").longValue(), "only the caller's flows"));
            assertAmount(balance(buyer, asset, "available").toPlainString(),
                    flows.get(0).getJsonNumber("availableAfter").bigDecimalValue(), asset + " newest flow's balance after");
        }
        Eventually.holds(SETTLED, "a fee from each side", () ->
                Db.count("SELECT COUNT(*) FROM exchange_finance.fee_income WHERE symbol = ?", symbol) == 2);
        assertEquals(403, Api.get("/api/admin/finance/fees", buyer.token()).status());
        assertEquals(200, Api.get("/api/admin/finance/fees", admin).status());
    }

    @Test
    void depthShowsTheRestingLevelsBestFirst() {
        String admin = Users.adminToken();
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        Users.Trader seller = fundedTrader("depthseller", admin, "BTC", "5");
        Users.Trader buyer = fundedTrader("depthbuyer", admin, "USDT", "10000");
        assertEquals(201, order(seller, limit(symbol, "SELL", "30010", "0.5")).status());
        assertEquals(201, order(seller, limit(symbol, "SELL", "30010", "0.5")).status());
        assertEquals(201, order(seller, limit(symbol, "SELL", "30005", "0.2")).status());
        assertEquals(201, order(buyer, limit(symbol, "BUY", "29990", "0.1")).status());

        JsonObject depth = Eventually.get(SETTLED, () -> {
            JsonObject d = Api.get("/api/trade/depth?symbol=" + symbol + "&limit=5").json();
            return d.getJsonArray("asks").size() == 2 && d.getJsonArray("bids").size() == 1 ? d : null;
        });
        JsonObject bestAsk = depth.getJsonArray("asks").getJsonObject(0);
        assertAmount("30005", bestAsk.getJsonNumber("price").bigDecimalValue(), "best ask first");
        assertAmount("0.2", bestAsk.getJsonNumber("quantity").bigDecimalValue(), "best ask size");
        JsonObject nextAsk = depth.getJsonArray("asks").getJsonObject(1);
        assertAmount("1", nextAsk.getJsonNumber("quantity").bigDecimalValue(), "two orders summed");
        assertEquals(2, nextAsk.getInt("orders"));
        assertAmount("29990", depth.getJsonArray("bids").getJsonObject(0).getJsonNumber("price").bigDecimalValue(), "bid");
        assertEquals(1, Api.get("/api/trade/depth?symbol=" + symbol + "&limit=1").json().getJsonArray("asks").size());
        assertError(400, "UNKNOWN_SYMBOL", Api.get("/api/trade/depth?symbol=NOPE99"));
        assertError(400, "VALIDATION_FAILED", Api.get("/api/trade/depth?symbol=" + symbol + "&limit=0"));
    }

    @Test
    void rejectedOrdersFreezeNothingAndWriteNothing() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("reject", admin, "USDT", "100");
        long ordersBefore = Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE user_id = ?", t.id());

        assertError(400, "INVALID_PRICE", order(t, limit("BUY", "10.001", "1")));
        assertError(400, "INVALID_PRICE", order(t, limit("BUY", "-10", "1")));
        assertError(400, "INVALID_PRICE", order(t, limit("BUY", "0", "1")));
        assertError(400, "INVALID_PRICE", order(t, limit("BUY", "1e12", "1")));
        assertError(400, "INVALID_QUANTITY", order(t, limit("BUY", "10", "0.000001")));
        assertError(400, "INVALID_QUANTITY", order(t, limit("BUY", "10", "0")));
        assertError(400, "NOTIONAL_TOO_SMALL", order(t, limit("BUY", "1", "0.001")));
        assertError(400, "INSUFFICIENT_BALANCE", order(t, limit("BUY", "101", "1")));
        assertError(400, "UNKNOWN_SYMBOL", order(t, limit("BUY", "10", "1").replace("BTCUSDT", "XXXUSDT")));
        assertError(400, "INVALID_ORDER", order(t, limit("BUY", "10", "1").replace("GTC", "GTX")));
        assertError(400, "MALFORMED_JSON", order(t, limit("BUY", "\"NaN\"", "1")));
        assertError(400, "VALIDATION_FAILED", order(t, "{\"symbol\":\"BTCUSDT\"}"));
        assertError(401, "UNAUTHENTICATED", Api.post("/api/trade/order/create", limit("BUY", "10", "1")));

        assertEquals(ordersBefore, Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE user_id = ?", t.id()));
        assertAmount("100", balance(t, "USDT", "available"), "nothing frozen");
        assertAmount("0", balance(t, "USDT", "frozen"), "nothing frozen");
    }

    @Test
    void aRetriedCreateWithTheSameClientOrderIdPlacesOnce() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("retry", admin, "USDT", "1000");
        String body = limit("BUY", "100", "1").replace("}", ",\"clientOrderId\":\"" + UUID.randomUUID() + "\"}");
        long first = order(t, body).json().getJsonNumber("orderId").longValue();
        long second = order(t, body).json().getJsonNumber("orderId").longValue();
        assertEquals(first, second);
        assertAmount("100", balance(t, "USDT", "frozen"), "frozen once");
        assertTrue(Api.get("/api/trade/orders/open", t.token()).structure().asJsonArray().size() == 1);
    }
}
