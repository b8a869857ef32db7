package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Socket;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Orders over Binance's WebSocket API ({@code /ws-api/v3}): {@code order.place},
 * {@code order.status}, {@code openOrders.status} and {@code order.cancel}, each request signed as
 * Binance signs them, answered as {@code /api/v3/order} answers, behind the same engine and wallet.
 */
class WsApiOrderIT {
    private int nextId;

    @Test
    void ordersOverTheWebSocketApi() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("wsapi", admin, "USDT", "1000");
        BinanceApiIT.Key trading = BinanceApiIT.newKey(t, List.of("TRADE"), List.of());
        BinanceApiIT.Key readOnly = BinanceApiIT.newKey(t, List.of(), List.of());
        String clientId = "ws-it-" + System.nanoTime();
        try (Socket ws = Socket.open("/ws-api/v3")) {
            Map<String, String> order = new TreeMap<>(Map.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                    "timeInForce", "GTC", "quantity", "0.1", "price", "100", "newClientOrderId", clientId,
                    "newOrderRespType", "RESULT"));

            JsonObject refused = call(ws, "order.place", order, readOnly, null);
            assertEquals(401, refused.getInt("status"), refused.toString());
            assertEquals(-2015, refused.getJsonObject("error").getInt("code"), "a read-only key cannot trade");
            JsonObject forged = call(ws, "order.place", order, trading, "0".repeat(64));
            assertEquals(-1022, forged.getJsonObject("error").getInt("code"), "a wrong signature is refused");
            JsonObject tooBig = call(ws, "order.place", with(order, "quantity", "100"), trading, null);
            assertEquals(-2010, tooBig.getJsonObject("error").getInt("code"), "not enough USDT: " + tooBig);

            JsonObject placed = call(ws, "order.place", order, trading, null);
            assertEquals(200, placed.getInt("status"), placed.toString());
            JsonObject result = placed.getJsonObject("result");
            long orderId = result.getJsonNumber("orderId").longValue();
            assertEquals(clientId, result.getString("clientOrderId"));
            assertEquals("NEW", result.getString("status"), "it rests far below the market");
            assertEquals(200, Api.get("/api/trade/order/" + orderId, t.token()).status(), "the same order on our own API");

            JsonObject status = call(ws, "order.status", Map.of("symbol", "BTCUSDT", "orderId", Long.toString(orderId)), readOnly, null);
            assertEquals(orderId, status.getJsonObject("result").getJsonNumber("orderId").longValue(), status.toString());
            JsonObject open = call(ws, "openOrders.status", Map.of("symbol", "BTCUSDT"), readOnly, null);
            assertTrue(open.getJsonArray("result").getValuesAs(JsonObject.class).stream()
                    .anyMatch(o -> o.getJsonNumber("orderId").longValue() == orderId), open.toString());

            JsonObject canceled = call(ws, "order.cancel", Map.of("symbol", "BTCUSDT", "origClientOrderId", clientId), trading, null);
            assertEquals(200, canceled.getInt("status"), canceled.toString());
            Eventually.holds(Duration.ofSeconds(15), "the order canceled", () -> "CANCELED".equals(
                    call(ws, "order.status", Map.of("symbol", "BTCUSDT", "orderId", Long.toString(orderId)), readOnly, null)
                            .getJsonObject("result").getString("status")));
            assertEquals(0, new java.math.BigDecimal("1000").compareTo(LedgerIT.available(t, "USDT")), "the funds are free again");
        }
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> copy = new TreeMap<>(params);
        copy.put(key, value);
        return copy;
    }

    /** Sends one signed request and waits for the answer with its id. */
    private JsonObject call(Socket ws, String method, Map<String, String> params, BinanceApiIT.Key key, String signature) {
        Map<String, String> signed = new TreeMap<>(params);
        signed.put("apiKey", key.apiKey());
        signed.put("timestamp", Long.toString(System.currentTimeMillis()));
        String payload = signed.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            signed.put("signature", signature != null ? signature : BinanceApiIT.hmac(key.secret(), payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String id = "it-" + (++nextId);
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"method\":\"" + method + "\",\"params\":{");
        signed.forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v).append("\","));
        json.setLength(json.length() - 1);
        json.append("}}");
        ws.send(json.toString());
        return Eventually.get(Duration.ofSeconds(15), () -> ws.messages().stream()
                .filter(m -> id.equals(m.getString("id", null))).findFirst().orElse(null));
    }
}
