package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.TradingIT.freshSymbol;
import static exchange.it.TradingIT.limit;
import static exchange.it.TradingIT.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Socket;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Binance-shaped WebSocket face: combined streams with Binance's payloads, the live methods,
 * and the user data stream opened with an API key (execution reports and balances of the key's
 * owner only). ccxt's own client keeps a book from these streams in CcxtIT.
 */
class BinanceStreamIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void combinedStreamsCarryBinancesPayloadsForATrade() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("bws-seller", admin, "BTC", "5");
        Users.Trader buyer = fundedTrader("bws-buyer", admin, "USDT", "10000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        String s = symbol.toLowerCase();
        String[] names = {s + "@trade", s + "@aggTrade", s + "@bookTicker", s + "@depth5@100ms", s + "@depth",
                s + "@ticker", s + "@miniTicker", s + "@kline_1m"};
        try (Socket socket = Socket.open("/stream?streams=" + String.join("/", names))) {
            assertEquals(201, order(seller, limit(symbol, "SELL", "250", "2")).status());
            assertEquals(201, order(buyer, limit(symbol, "BUY", "249", "1")).status());
            assertEquals(201, order(buyer, limit(symbol, "BUY", "250", "0.5")).status());

            JsonObject trade = awaitData(socket, s + "@trade", d -> true);
            assertEquals("trade", trade.getString("e"));
            assertEquals(symbol, trade.getString("s"));
            assertDecimal("250", trade.getString("p"));
            assertDecimal("0.5", trade.getString("q"));
            assertFalse(trade.getBoolean("m"), "the buyer took the seller's order");
            assertEquals(trade.getJsonNumber("t").longValue(),
                    awaitData(socket, s + "@aggTrade", d -> true).getJsonNumber("a").longValue());

            JsonObject book = awaitData(socket, s + "@bookTicker",
                    d -> new BigDecimal(d.getString("A")).compareTo(new BigDecimal("1.5")) == 0);
            assertDecimal("249", book.getString("b"));
            assertDecimal("1", book.getString("B"));
            assertDecimal("250", book.getString("a"));

            JsonObject top = awaitData(socket, s + "@depth5@100ms", d -> d.getJsonArray("asks").size() == 1
                    && new BigDecimal(d.getJsonArray("asks").getJsonArray(0).getString(1)).compareTo(new BigDecimal("1.5")) == 0);
            JsonObject rest = Api.get("/api/v3/depth?symbol=" + symbol + "&limit=5").json();
            assertEquals(rest.getJsonNumber("lastUpdateId").longValue(), top.getJsonNumber("lastUpdateId").longValue());
            assertEquals(rest.getJsonArray("bids"), top.getJsonArray("bids"));

            JsonObject diff = awaitData(socket, s + "@depth", d -> true);
            assertEquals("depthUpdate", diff.getString("e"));
            assertTrue(diff.getJsonNumber("U").longValue() <= diff.getJsonNumber("u").longValue());

            JsonObject ticker = awaitData(socket, s + "@ticker", d -> d.getJsonNumber("n").longValue() == 1);
            assertEquals("24hrTicker", ticker.getString("e"));
            assertDecimal("250", ticker.getString("c"));
            assertDecimal("0.5", ticker.getString("v"));
            assertDecimal("249", ticker.getString("b"));
            JsonObject mini = awaitData(socket, s + "@miniTicker", d -> new BigDecimal(d.getString("v")).signum() > 0);
            assertDecimal("125", mini.getString("q"));
            JsonObject kline = awaitData(socket, s + "@kline_1m", d -> true).getJsonObject("k");
            assertEquals("1m", kline.getString("i"));
            assertDecimal("250", kline.getString("c"));
            assertEquals(kline.getJsonNumber("t").longValue() + 59_999, kline.getJsonNumber("T").longValue());
        }
    }

    @Test
    void liveMethodsAnswerAsBinanceDoes() {
        try (Socket socket = Socket.open("/ws")) {
            socket.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@depth@100ms\"],\"id\":1}");
            socket.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bogus\"],\"id\":2}");
            socket.send("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":3}");
            socket.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":4}");
            socket.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
            socket.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}");
            socket.send("not json");
            Eventually.holds(WAIT, "seven answers", () -> socket.messages().size() >= 7);
            List<JsonObject> m = socket.messages();
            assertTrue(m.get(0).isNull("result"));
            assertEquals(2, m.get(1).getJsonObject("error").getInt("code"));
            assertEquals(2, m.get(1).getInt("id"));
            assertEquals("[\"btcusdt@depth@100ms\"]", m.get(3).getJsonArray("result").toString());
            assertTrue(m.get(5).getBoolean("result"));
            assertEquals(3, m.get(6).getJsonObject("error").getInt("code"));
        }
    }

    @Test
    void theUserDataStreamReportsTheKeyOwnersExecutionsAndBalancesOnly() {
        String admin = Users.adminToken();
        Users.Trader me = fundedTrader("bws-me", admin, "BTC", "3");
        Users.Trader other = fundedTrader("bws-other", admin, "USDT", "10000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        String apiKey = Api.post("/api/user/api-keys", "{\"label\":\"stream\",\"permissions\":[\"READ\"]}", me.token())
                .json().getString("apiKey");
        String otherKey = Api.post("/api/user/api-keys", "{\"label\":\"stream\",\"permissions\":[\"READ\"]}", other.token())
                .json().getString("apiKey");
        Api.Reply opened = Api.withApiKey("POST", "/api/v3/userDataStream", apiKey);
        assertEquals(200, opened.status(), opened.body());
        String listenKey = opened.json().getString("listenKey");

        try (Socket socket = Socket.open("/ws/" + listenKey)) {
            long sell = order(me, limit(symbol, "SELL", "250", "1")).json().getJsonNumber("orderId").longValue();
            long theirs = order(other, limit(symbol, "BUY", "250", "0.4")).json().getJsonNumber("orderId").longValue();
            order(other, limit(symbol, "BUY", "250", "0.6"));
            long cancelled = order(me, limit(symbol, "SELL", "300", "1")).json().getJsonNumber("orderId").longValue();
            Eventually.holds(WAIT, "the second order resting", () -> report(socket, cancelled, "NEW").isPresent());
            assertEquals(202, Api.post("/api/trade/order/cancel", "{\"orderId\":" + cancelled + "}", me.token()).status());

            JsonObject created = Eventually.get(WAIT, () -> report(socket, sell, "NEW").orElse(null));
            assertEquals("SELL", created.getString("S"));
            assertEquals("LIMIT", created.getString("o"));
            assertEquals("GTC", created.getString("f"));
            assertDecimal("1", created.getString("q"));
            JsonObject partial = Eventually.get(WAIT, () -> trade(socket, sell, "PARTIALLY_FILLED").orElse(null));
            assertDecimal("0.4", partial.getString("l"));
            assertDecimal("250", partial.getString("L"));
            assertDecimal("0.4", partial.getString("z"));
            assertDecimal("0.1", partial.getString("n"), "0.1% of 100 USDT");
            assertEquals("USDT", partial.getString("N"));
            assertTrue(partial.getBoolean("m"), "the resting order made the trade");
            JsonObject filled = Eventually.get(WAIT, () -> trade(socket, sell, "FILLED").orElse(null));
            assertDecimal("0.6", filled.getString("l"));
            assertDecimal("1", filled.getString("z"));
            assertDecimal("250", filled.getString("Z"));
            JsonObject ended = Eventually.get(WAIT, () -> report(socket, cancelled, "CANCELED").orElse(null));
            assertEquals("CANCELED", ended.getString("x"));

            // The seller's BTC: 3, 1 locked by each order, 1 sold, the second order's released.
            Eventually.holds(WAIT, "BTC back to 2 free, none locked", () -> socket.messages().stream()
                    .filter(m -> "outboundAccountPosition".equals(m.getString("e", "")))
                    .map(m -> m.getJsonArray("B").getJsonObject(0))
                    .anyMatch(b -> b.getString("a").equals("BTC") && new BigDecimal(b.getString("f")).compareTo(new BigDecimal("2")) == 0
                            && new BigDecimal(b.getString("l")).signum() == 0));
            Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(me.id(), "USDT", "5", null), admin);
            JsonObject credited = Eventually.get(WAIT, () -> socket.messages().stream()
                    .filter(m -> "balanceUpdate".equals(m.getString("e", ""))).findFirst().orElse(null));
            assertEquals("USDT", credited.getString("a"));
            assertDecimal("5", credited.getString("d"));

            assertTrue(socket.messages().stream().filter(m -> "executionReport".equals(m.getString("e", "")))
                    .noneMatch(m -> m.getJsonNumber("i").longValue() == theirs), "nothing of the other user's orders");
        }

        // Another user's key can neither keep alive nor close the listen key; no key at all is 401.
        Api.Reply foreign = Api.withApiKey("PUT", "/api/v3/userDataStream?listenKey=" + listenKey, otherKey);
        assertEquals(400, foreign.status(), foreign.body());
        assertEquals(-1125, foreign.json().getInt("code"));
        assertEquals(400, Api.withApiKey("DELETE", "/api/v3/userDataStream?listenKey=" + listenKey, otherKey).status());
        assertEquals(401, Api.withApiKey("POST", "/api/v3/userDataStream", null).status());
        assertEquals(200, Api.withApiKey("PUT", "/api/v3/userDataStream?listenKey=" + listenKey, apiKey).status());
        assertEquals(200, Api.withApiKey("DELETE", "/api/v3/userDataStream?listenKey=" + listenKey, apiKey).status());
        assertEquals(400, Api.withApiKey("PUT", "/api/v3/userDataStream?listenKey=" + listenKey, apiKey).status(),
                "closed keys are gone");
    }

    private static Optional<JsonObject> report(Socket socket, long orderId, String execution) {
        return socket.messages().stream().filter(m -> "executionReport".equals(m.getString("e", ""))
                && m.getJsonNumber("i").longValue() == orderId && execution.equals(m.getString("x"))).findFirst();
    }

    private static Optional<JsonObject> trade(Socket socket, long orderId, String status) {
        return socket.messages().stream().filter(m -> "executionReport".equals(m.getString("e", ""))
                && m.getJsonNumber("i").longValue() == orderId && "TRADE".equals(m.getString("x"))
                && status.equals(m.getString("X"))).findFirst();
    }

    private static JsonObject awaitData(Socket socket, String stream, java.util.function.Predicate<JsonObject> wanted) {
        return Eventually.get(WAIT, () -> socket.messages().stream()
                .filter(m -> stream.equals(m.getString("stream", ""))).map(m -> m.getJsonObject("data"))
                .filter(wanted).reduce((a, b) -> b).orElse(null));
    }

    private static void assertDecimal(String expected, String actual) {
        assertDecimal(expected, actual, null);
    }

    private static void assertDecimal(String expected, String actual, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), message + ": " + actual);
    }
}
