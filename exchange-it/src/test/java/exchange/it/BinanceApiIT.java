package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The Binance-compatible face (/api/v3): public market endpoints, API keys, and signed requests
 * checked as Binance checks them (HMAC-SHA256 over query + body, timestamp within recvWindow, the
 * key's permissions and IP whitelist), with Binance's error codes; one engine behind both faces.
 */
class BinanceApiIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Key(String apiKey, String secret) {
    }

    record Reply(int status, JsonValue body) {
        JsonObject json() {
            return body.asJsonObject();
        }
    }

    @Test
    void theSigningHelperMatchesBinancesPublishedExample() throws Exception {
        // From Binance's API documentation (SIGNED endpoint examples, HMAC).
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", hmac(secret, query));
    }

    @Test
    void publicEndpoints() throws Exception {
        assertEquals(200, call("GET", "/api/v3/ping", null, null, null).status());
        long serverTime = call("GET", "/api/v3/time", null, null, null).json().getJsonNumber("serverTime").longValue();
        assertTrue(Math.abs(serverTime - System.currentTimeMillis()) < 5000);
        JsonObject btc = call("GET", "/api/v3/exchangeInfo?symbol=BTCUSDT", null, null, null).json().getJsonArray("symbols")
                .getJsonObject(0);
        assertEquals("BTCUSDT", btc.getString("symbol"));
        assertEquals(List.of("PRICE_FILTER", "LOT_SIZE", "NOTIONAL"), btc.getJsonArray("filters").getValuesAs(JsonObject.class)
                .stream().map(f -> f.getString("filterType")).toList());
        assertTrue(btc.getJsonArray("orderTypes").toString().contains("LIMIT_MAKER"));
        JsonObject depth = call("GET", "/api/v3/depth?symbol=BTCUSDT&limit=5", null, null, null).json();
        assertTrue(depth.containsKey("lastUpdateId") && depth.containsKey("bids") && depth.containsKey("asks"));
        binanceError(400, -1121, call("GET", "/api/v3/depth?symbol=NOPE", null, null, null));
        JsonObject ticker = call("GET", "/api/v3/ticker/24hr?symbol=BTCUSDT", null, null, null).json();
        assertEquals("BTCUSDT", ticker.getString("symbol"));
        assertTrue(ticker.containsKey("lastPrice") && ticker.containsKey("bidPrice") && ticker.containsKey("count"), ticker.toString());
        assertEquals(call("GET", "/api/v3/exchangeInfo", null, null, null).json().getJsonArray("symbols").size(),
                call("GET", "/api/v3/ticker/24hr", null, null, null).body().asJsonArray().size(), "every symbol");
        assertTrue(call("GET", "/api/v3/ticker/bookTicker?symbol=BTCUSDT", null, null, null).json().containsKey("askQty"));
        assertEquals(5, call("GET", "/api/v3/avgPrice?symbol=BTCUSDT", null, null, null).json().getInt("mins"));
        assertEquals(200, call("GET", "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3", null, null, null).status());
        binanceError(400, -1120, call("GET", "/api/v3/klines?symbol=BTCUSDT&interval=7m", null, null, null));
        assertEquals(200, call("GET", "/api/v3/aggTrades?symbol=BTCUSDT&limit=3", null, null, null).status());
        binanceError(400, -1102, call("GET", "/api/v3/depth", null, null, null));
    }

    @Test
    void signedRequestsAreCheckedAsBinanceChecksThem() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("binance-sig", admin, "USDT", "1000");
        Key key = newKey(t, List.of("TRADE"), List.of());

        Reply account = signed("GET", "/api/v3/account", "", key, System.currentTimeMillis(), null);
        assertEquals(200, account.status(), account.body().toString());
        assertTrue(account.json().getBoolean("canTrade"));
        JsonObject usdt = account.json().getJsonArray("balances").getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("asset").equals("USDT")).findFirst().orElseThrow();
        assertEquals("1000", usdt.getString("free"));

        long now = System.currentTimeMillis();
        String query = "timestamp=" + now;
        binanceError(400, -1022, call("GET", "/api/v3/account?" + query + "&signature=" + hmac(key.secret(), query + "x"), null, key.apiKey(), null));
        binanceError(400, -1022, call("GET", "/api/v3/account?" + query + "&signature=" + hmac("not-the-secret", query), null, key.apiKey(), null));
        binanceError(400, -1021, signed("GET", "/api/v3/account", "", key, now - 10_000, null));
        binanceError(400, -1021, signed("GET", "/api/v3/account", "", key, now + 5_000, null));
        assertEquals(200, signed("GET", "/api/v3/account", "recvWindow=20000", key, now - 10_000, null).status(), "a wider window");
        binanceError(400, -1131, signed("GET", "/api/v3/account", "recvWindow=70000", key, now, null));
        binanceError(401, -2014, call("GET", "/api/v3/account?" + query + "&signature=" + hmac(key.secret(), query), null, null, null));
        binanceError(401, -2015, signed("GET", "/api/v3/account", "", new Key("A".repeat(64), key.secret()), now, null));
        binanceError(400, -1102, call("GET", "/api/v3/account?signature=" + hmac(key.secret(), ""), null, key.apiKey(), null));

        // A good request replayed after its window is refused.
        String old = "timestamp=" + (System.currentTimeMillis() - 6_000);
        binanceError(400, -1021, call("GET", "/api/v3/account?" + old + "&signature=" + hmac(key.secret(), old), null, key.apiKey(), null));

        Reply keys = new Reply(Api.get("/api/user/api-keys", t.token()).status(), Api.get("/api/user/api-keys", t.token()).structure());
        assertEquals(200, keys.status());
        assertFalse(keys.body().toString().contains(key.secret()), "the secret is never shown again");
    }

    @Test
    void permissionsIpWhitelistAndOneEngineBehindBothFaces() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("binance-trade", admin, "USDT", "1000");
        Key readOnly = newKey(t, List.of(), List.of());
        Key trading = newKey(t, List.of("TRADE"), List.of());
        Key elsewhere = newKey(t, List.of("TRADE"), List.of("10.1.2.3"));
        Key here = newKey(t, List.of("TRADE"), List.of("127.0.0.1"));
        String order = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=10000&newClientOrderId=binance-it-"
                + System.nanoTime();

        binanceError(401, -2015, signed("POST", "/api/v3/order", order, readOnly, System.currentTimeMillis(), "body"));
        binanceError(401, -2015, signed("GET", "/api/v3/account", "", elsewhere, System.currentTimeMillis(), null));
        assertEquals(200, signed("GET", "/api/v3/account", "", here, System.currentTimeMillis(), null).status());
        binanceError(400, -1121, signed("POST", "/api/v3/order", order.replace("BTCUSDT", "NOPEUSDT"), trading,
                System.currentTimeMillis(), "body"));
        binanceError(400, -2010, signed("POST", "/api/v3/order", order.replace("quantity=0.001", "quantity=1"), trading,
                System.currentTimeMillis(), "body"));

        Reply placed = signed("POST", "/api/v3/order", order, trading, System.currentTimeMillis(), "body");
        assertEquals(200, placed.status(), placed.body().toString());
        long orderId = placed.json().getJsonNumber("orderId").longValue();
        assertEquals("BTCUSDT", placed.json().getString("symbol"));

        // The same order through our own API, and its funds frozen in the same wallet.
        Api.Reply ours = Api.get("/api/trade/order/" + orderId, t.token());
        assertEquals(200, ours.status(), ours.body());
        assertEquals(0, new java.math.BigDecimal("10").compareTo(LedgerIT.available(t, "USDT").negate().add(new java.math.BigDecimal("1000"))));

        Reply open = signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT", readOnly, System.currentTimeMillis(), null);
        assertEquals(200, open.status(), open.body().toString());
        assertTrue(open.body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(o -> o.getJsonNumber("orderId").longValue() == orderId));

        // Somebody else's key sees and cancels nothing of it.
        Users.Trader other = Users.register("binance-other");
        Key stranger = newKey(other, List.of("TRADE"), List.of());
        binanceError(400, -2013, signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId, stranger, System.currentTimeMillis(), null));
        binanceError(400, -2013, signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId, stranger, System.currentTimeMillis(), null));
        binanceError(401, -2015, signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId, readOnly, System.currentTimeMillis(), null));

        Reply all = signed("GET", "/api/v3/allOrders", "symbol=BTCUSDT", readOnly, System.currentTimeMillis(), null);
        assertEquals(200, all.status(), all.body().toString());
        assertEquals(List.of(orderId), all.body().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("orderId").longValue()).toList());
        assertEquals(0, signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT", readOnly, System.currentTimeMillis(), null)
                .body().asJsonArray().size(), "nothing traded");

        Reply canceled = signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId, trading, System.currentTimeMillis(), null);
        assertEquals(200, canceled.status(), canceled.body().toString());
        Eventually.holds(Duration.ofSeconds(30), "the engine confirmed the cancel", () -> {
            try {
                return "CANCELED".equals(signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId, readOnly,
                        System.currentTimeMillis(), null).json().getString("status"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.holds(Duration.ofSeconds(30), "funds released", () -> LedgerIT.available(t, "USDT").compareTo(new java.math.BigDecimal("1000")) == 0);

        assertEquals(204, Api.delete("/api/user/api-keys/" + keyId(t, trading), t.token()).status());
        binanceError(401, -2015, signed("GET", "/api/v3/account", "", trading, System.currentTimeMillis(), null));
        assertEquals(404, Api.delete("/api/user/api-keys/" + keyId(t, here), other.token()).status(), "not the stranger's key");
    }

    /**
     * FULL (the default for LIMIT and MARKET) answers once the engine has: the taker's fills with
     * their commission in the asset received; RESULT without fills; ACK at once. An order over the
     * KYC level's trading limit is Binance's -2010.
     */
    @Test
    void fullAndResultResponsesCarryTheEnginesAnswer() throws Exception {
        String admin = Users.adminToken();
        Users.Trader maker = LedgerIT.fundedTrader("full-maker", admin, "BTC", "3");
        Users.Trader taker = LedgerIT.fundedTrader("full-taker", admin, "USDT", "10000");
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        assertEquals(201, TradingIT.order(maker, TradingIT.limit(symbol, "SELL", "100", "1")).status());
        assertEquals(201, TradingIT.order(maker, TradingIT.limit(symbol, "SELL", "101", "1")).status());
        Key key = newKey(taker, List.of("TRADE"), List.of());

        JsonObject full = signed("POST", "/api/v3/order", "symbol=" + symbol + "&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1.5&price=101", key, System.currentTimeMillis(), "body").json();
        assertEquals("FILLED", full.getString("status"), full.toString());
        assertEquals(0, new BigDecimal("1.5").compareTo(new BigDecimal(full.getString("executedQty"))), full.toString());
        List<JsonObject> fills = full.getJsonArray("fills").getValuesAs(JsonObject.class);
        assertEquals(2, fills.size(), full.toString());
        assertEquals(0, new BigDecimal("100").compareTo(new BigDecimal(fills.get(0).getString("price"))));
        assertEquals(0, new BigDecimal("1").compareTo(new BigDecimal(fills.get(0).getString("qty"))));
        assertEquals(0, new BigDecimal("0.001").compareTo(new BigDecimal(fills.get(0).getString("commission"))), "0.1% of 1 BTC");
        assertEquals("BTC", fills.get(0).getString("commissionAsset"));
        assertEquals(0, new BigDecimal("101").compareTo(new BigDecimal(fills.get(1).getString("price"))));

        JsonObject result = signed("POST", "/api/v3/order", "symbol=" + symbol + "&side=BUY&type=LIMIT&timeInForce=IOC"
                + "&quantity=1&price=101&newOrderRespType=RESULT", key, System.currentTimeMillis(), "body").json();
        assertEquals("EXPIRED", result.getString("status"), "0.5 filled, the rest expired: " + result);
        assertEquals(0, new BigDecimal("0.5").compareTo(new BigDecimal(result.getString("executedQty"))));
        assertFalse(result.containsKey("fills"));

        JsonObject ack = signed("POST", "/api/v3/order", "symbol=" + symbol + "&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=90&newOrderRespType=ACK", key, System.currentTimeMillis(), "body").json();
        assertFalse(ack.containsKey("status"), ack.toString());

        Reply overLimit = signed("POST", "/api/v3/order", "symbol=" + symbol + "&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=30000&price=90", key, System.currentTimeMillis(), "body");
        binanceError(400, -2010, overLimit);
        assertTrue(overLimit.json().getString("msg").contains("KYC level 0 allows orders of up to 2000000 USDT"), overLimit.body().toString());
    }

    /**
     * Binance's wallet endpoints at /sapi: only a key with the WITHDRAW permission withdraws, such a
     * key needs an IP whitelist, and its withdrawal is the one our own API shows, funds frozen.
     */
    @Test
    void onlyAKeyThatMayWithdrawWithdraws() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("sapi", admin, "ETH", "10");
        Api.Reply anywhere = Api.post("/api/user/api-keys", "{\"label\":\"w\",\"permissions\":[\"WITHDRAW\"]}", t.token());
        assertEquals(400, anywhere.status(), "a withdrawing key without an IP whitelist: " + anywhere.body());
        Key trading = newKey(t, List.of("TRADE"), List.of());
        Key withdrawing = newKey(t, List.of("WITHDRAW"), List.of("127.0.0.1"));
        String params = "coin=ETH&network=ETH&address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed&amount=6&withdrawOrderId=sapi-"
                + System.nanoTime();

        binanceError(401, -2015, signed("POST", "/sapi/v1/capital/withdraw/apply", params, trading, System.currentTimeMillis(), "body"));
        assertEquals(0, new BigDecimal("10").compareTo(LedgerIT.available(t, "ETH")), "nothing frozen");

        Reply applied = signed("POST", "/sapi/v1/capital/withdraw/apply", params, withdrawing, System.currentTimeMillis(), "body");
        assertEquals(200, applied.status(), applied.body().toString());
        String id = applied.json().getString("id");
        assertEquals(id, signed("POST", "/sapi/v1/capital/withdraw/apply", params, withdrawing, System.currentTimeMillis(), "body")
                .json().getString("id"), "a repeated withdrawOrderId is the same withdrawal");
        assertEquals(0, new BigDecimal("3.999").compareTo(LedgerIT.available(t, "ETH")), "6 + 0.001 fee frozen");
        assertEquals(400, signed("POST", "/sapi/v1/capital/withdraw/apply", params.replace("0x5aAe", "0x5aae").replace("sapi-", "sapi-x"),
                withdrawing, System.currentTimeMillis(), "body").status(), "a bad checksum");

        JsonObject listed = signed("GET", "/sapi/v1/capital/withdraw/history", "coin=ETH", trading, System.currentTimeMillis(), null)
                .body().asJsonArray().getValuesAs(JsonObject.class).stream().filter(w -> w.getString("id").equals(id))
                .findFirst().orElseThrow();
        assertEquals(2, listed.getInt("status"), "awaiting approval: above the automatic limit");
        assertEquals(0, new BigDecimal("6").compareTo(new BigDecimal(listed.getString("amount"))));
        JsonObject ours = Api.get("/api/wallet/withdraw/history?asset=ETH", t.token()).structure().asJsonArray()
                .getValuesAs(JsonObject.class).get(0);
        assertEquals(Long.parseLong(id), ours.getJsonNumber("id").longValue());
        assertEquals("PENDING_REVIEW", ours.getString("status"));

        String address = signed("GET", "/sapi/v1/capital/deposit/address", "coin=ETH", trading, System.currentTimeMillis(), null)
                .json().getString("address");
        assertEquals(Api.post("/api/wallet/recharge/apply", "{\"asset\":\"ETH\"}", t.token()).json().getString("address"), address);
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + id + "/reject", "{\"reason\":\"test\"}", admin).status());
    }

    private static long keyId(Users.Trader t, Key key) {
        return Api.get("/api/user/api-keys", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("apiKey").equals(key.apiKey())).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    static Key newKey(Users.Trader t, List<String> permissions, List<String> ips) {
        var p = Json.createArrayBuilder();
        permissions.forEach(p::add);
        var i = Json.createArrayBuilder();
        ips.forEach(i::add);
        Api.Reply r = Api.post("/api/user/api-keys", Json.createObjectBuilder().add("label", "it").add("permissions", p)
                .add("ipWhitelist", i).build().toString(), t.token());
        assertEquals(201, r.status(), r.body());
        return new Key(r.json().getString("apiKey"), r.json().getString("secret"));
    }

    /** Signs params + timestamp; where = "body" sends them as a form body, else in the query string. */
    static Reply signed(String method, String path, String params, Key key, long timestamp, String where) throws Exception {
        String total = (params.isEmpty() ? "" : params + "&") + "timestamp=" + timestamp;
        String signed = total + "&signature=" + hmac(key.secret(), total);
        return "body".equals(where) ? call(method, path, signed, key.apiKey(), "application/x-www-form-urlencoded")
                : call(method, path + "?" + signed, null, key.apiKey(), null);
    }

    private static Reply call(String method, String path, String body, String apiKey, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? JsonValue.NULL : Api.parse(r.body()));
    }

    private static void binanceError(int status, int code, Reply reply) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertEquals(code, reply.json().getInt("code"), reply.body().toString());
        assertTrue(reply.json().containsKey("msg"), reply.body().toString());
    }

    static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
