package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.TradingIT.freshSymbol;
import static exchange.it.TradingIT.limit;
import static exchange.it.TradingIT.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Socket;
import exchange.it.support.Users;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** WebSocket streams: public depth, trades, tickers and klines; a user's private stream. */
class StreamIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A client that keeps a book from the depth stream holds the engine's depth after random trading. */
    @Test
    void aLocalBookFromDepthUpdatesEqualsTheRestDepth() {
        String admin = Users.adminToken();
        List<Users.Trader> traders = List.of(fundedTrader("ws-a", admin, "USDT", "100000"),
                fundedTrader("ws-b", admin, "USDT", "100000"));
        for (Users.Trader t : traders) {
            Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), "BTC", "50", null), admin);
        }
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        String lower = symbol.toLowerCase();
        try (Socket socket = Socket.open("/ws/market?streams=" + lower + "@depth/" + lower + "@trade")) {
            Random random = new Random(5);
            List<Long> placed = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Users.Trader t = traders.get(random.nextInt(2));
                if (random.nextInt(5) == 0 && !placed.isEmpty()) {
                    Api.post("/api/trade/order/cancel", "{\"orderId\":" + placed.get(random.nextInt(placed.size())) + "}",
                            t.token());
                    continue;
                }
                String side = random.nextBoolean() ? "BUY" : "SELL";
                String price = new BigDecimal(100 + random.nextInt(10) - (side.equals("BUY") ? 4 : 0)).toPlainString();
                Api.Reply r = order(t, limit(symbol, side, price, "0." + (1 + random.nextInt(9))));
                assertEquals(201, r.status(), r.body());
                placed.add(r.json().getJsonNumber("orderId").longValue());
            }
            Eventually.holds(WAIT, "the local book equals the REST depth", () -> {
                JsonObject depth = Api.get("/api/trade/depth?symbol=" + symbol + "&limit=1000", null).json();
                Map<BigDecimal, BigDecimal> bids = new TreeMap<>();
                Map<BigDecimal, BigDecimal> asks = new TreeMap<>();
                long applied = 0;
                for (JsonObject m : socket.messages()) {
                    if (m.getString("stream").equals(symbol + "@depth")) {
                        JsonObject d = m.getJsonObject("data");
                        assertEquals(applied + 1, d.getJsonNumber("firstSequence").longValue(), "updates in sequence, no gap");
                        applied = d.getJsonNumber("lastSequence").longValue();
                        apply(bids, d.getJsonArray("bids"));
                        apply(asks, d.getJsonArray("asks"));
                    }
                }
                return applied <= depth.getJsonNumber("sequence").longValue()
                        && bids.equals(levels(depth.getJsonArray("bids"))) && asks.equals(levels(depth.getJsonArray("asks")));
            });
            // The engine's trades reach the socket before settlement records them: compare once both are done.
            Eventually.holds(WAIT, "one trade message per recorded trade", () -> {
                long pushed = socket.messages().stream().filter(m -> m.getString("stream").equals(symbol + "@trade")).count();
                long lastId = socket.messages().stream().filter(m -> m.getString("stream").equals(symbol + "@trade"))
                        .mapToLong(m -> m.getJsonObject("data").getJsonNumber("id").longValue()).max().orElse(0);
                return pushed > 0 && pushed == lastId
                        && Db.count("SELECT COUNT(*) FROM exchange_trade.trades WHERE symbol = ?", symbol) == pushed;
            });
        }
    }

    private static void apply(Map<BigDecimal, BigDecimal> side, JsonArray changes) {
        for (JsonObject level : changes.getValuesAs(JsonObject.class)) {
            BigDecimal price = level.getJsonNumber("price").bigDecimalValue().stripTrailingZeros();
            BigDecimal quantity = level.getJsonNumber("quantity").bigDecimalValue().stripTrailingZeros();
            if (quantity.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, quantity);
            }
        }
    }

    private static Map<BigDecimal, BigDecimal> levels(JsonArray levels) {
        Map<BigDecimal, BigDecimal> m = new TreeMap<>();
        for (JsonObject level : levels.getValuesAs(JsonObject.class)) {
            m.put(level.getJsonNumber("price").bigDecimalValue().stripTrailingZeros(),
                    level.getJsonNumber("quantity").bigDecimalValue().stripTrailingZeros());
        }
        return m;
    }

    @Test
    void tickerAndKlineStreamsFollowSettledTrades() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("ws-seller", admin, "BTC", "5");
        Users.Trader buyer = fundedTrader("ws-buyer", admin, "USDT", "10000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        try (Socket socket = Socket.open("/ws/market")) {
            socket.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + symbol + "@ticker\",\"" + symbol + "@kline_1m\"],\"id\":7}");
            Eventually.holds(WAIT, "subscribed", () -> socket.messages().stream().anyMatch(m -> m.containsKey("id")
                    && m.getInt("id") == 7 && m.isNull("result")));
            socket.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"" + symbol + "@bogus\"],\"id\":8}");
            Eventually.holds(WAIT, "a bad stream name is refused", () -> socket.messages().stream().anyMatch(m ->
                    m.containsKey("error") && m.getInt("id") == 8
                            && m.getJsonObject("error").getString("code").equals("INVALID_STREAM")));
            assertEquals(201, order(seller, limit(symbol, "SELL", "250", "2")).status());
            assertEquals(201, order(buyer, limit(symbol, "BUY", "250", "0.5")).status());
            Eventually.holds(WAIT, "a ticker with the trade", () -> socket.messages().stream().anyMatch(m ->
                    m.getString("stream", "").equals(symbol + "@ticker")
                            && m.getJsonObject("data").getJsonNumber("count").longValue() == 1
                            && m.getJsonObject("data").getJsonNumber("lastPrice").bigDecimalValue().compareTo(new BigDecimal("250")) == 0));
            Eventually.holds(WAIT, "a 1m candle with the trade", () -> socket.messages().stream().anyMatch(m ->
                    m.getString("stream", "").equals(symbol + "@kline_1m")
                            && m.getJsonObject("data").getJsonObject("candle").getJsonNumber("volume").bigDecimalValue()
                            .compareTo(new BigDecimal("0.5")) == 0));
        }
    }

    @Test
    void theUserStreamCarriesOnlyTheUsersOwnOrdersAndBalances() {
        String admin = Users.adminToken();
        Users.Trader me = fundedTrader("ws-me", admin, "USDT", "1000");
        Users.Trader other = fundedTrader("ws-other", admin, "USDT", "1000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        Api.Reply key = Api.post("/api/user/stream", "", me.token());
        assertEquals(200, key.status(), key.body());
        try (Socket socket = Socket.open("/ws/user/" + key.json().getString("listenKey"))) {
            long mine = order(me, limit(symbol, "BUY", "100", "1")).json().getJsonNumber("orderId").longValue();
            long theirs = order(other, limit(symbol, "BUY", "100", "1")).json().getJsonNumber("orderId").longValue();
            assertEquals(202, Api.post("/api/trade/order/cancel", "{\"orderId\":" + mine + "}", me.token()).status());
            Eventually.holds(WAIT, "my order created, frozen, cancelled and released", () -> {
                List<String> events = socket.messages().stream()
                        .filter(m -> m.getJsonObject("data").getJsonNumber("userId").longValue() == me.id())
                        .map(m -> m.getString("event")).toList();
                return events.contains("OrderCreated") && events.contains("OrderCancelled")
                        && events.stream().filter("AssetChanged"::equals).count() >= 2;
            });
            assertTrue(socket.messages().stream().allMatch(m -> m.getJsonObject("data").getJsonNumber("userId").longValue() == me.id()),
                    "nothing of another user's (their order " + theirs + ")");
        }
        assertEquals(404, Api.put("/api/user/stream?listenKey=" + "0".repeat(64), "", me.token()).status());
        try (Socket refused = Socket.open("/ws/user/" + "f".repeat(64))) {
            assertEquals(4401, refused.closeCode(WAIT));
        }
    }

    /** A user stream does not outlive its sign-in: logout closes the socket and ends the key. */
    @Test
    void logoutEndsTheListenKeyAndClosesItsSocket() {
        Users.Trader t = Users.register("ws-logout");
        Api.Reply key = Api.post("/api/user/stream", "", t.token());
        assertEquals(200, key.status(), key.body());
        String listenKey = key.json().getString("listenKey");
        try (Socket socket = Socket.open("/ws/user/" + listenKey)) {
            assertEquals(204, Api.post("/api/user/logout", null, t.token()).status());
            assertEquals(4401, socket.closeCode(WAIT), "closed once its session ended");
        }
        try (Socket again = Socket.open("/ws/user/" + listenKey)) {
            assertEquals(4401, again.closeCode(WAIT), "the key opens nothing any more");
        }
    }
}
