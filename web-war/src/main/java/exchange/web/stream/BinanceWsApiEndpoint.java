package exchange.web.stream;

import exchange.api.error.BusinessException;
import exchange.api.user.ApiKeys;
import exchange.api.error.ErrorCode;
import exchange.api.web.AddressLimit;
import exchange.web.binance.BinanceError;
import exchange.web.binance.BinanceOrders;
import exchange.web.binance.BinanceParams;
import exchange.web.limits.RateLimits;
import exchange.web.binance.BinanceErrors;
import exchange.web.binance.SignedRequestFilter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The part of Binance's WebSocket API ({@code /ws-api/v3}) that carries a user's data stream on
 * the request connection itself, as current Binance clients (ccxt's among them) subscribe to it:
 * {@code userDataStream.subscribe.signature} with {@code apiKey}, {@code timestamp} and an
 * HMAC-SHA256 {@code signature} over the other parameters sorted by name, then execution reports
 * and balances as {@code {"subscriptionId":0,"event":{...}}}. Also {@code ping}, {@code time}
 * and {@code userDataStream.unsubscribe}.
 *
 * <p>And orders over the same connection, each request signed as Binance signs them:
 * {@code order.place} (TRADE; RESULT/FULL as REST answers them), {@code order.cancel}
 * (TRADE), {@code order.status} and {@code openOrders.status} (READ). The same calls as
 * {@code /api/v3/order} behind them ({@link BinanceOrders}), without a request's HTTP cost each.
 */
@ServerEndpoint("/ws-api/v3")
public class BinanceWsApiEndpoint {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();

    @OnOpen
    public void open(Session session) {
        hub().addBinance(session);
    }

    @OnMessage
    public void message(Session session, String text) {
        StreamHub.heard(session);
        JsonValue id = JsonValue.NULL;
        try {
            JsonObject request = JSON.createReader(new StringReader(text)).readObject();
            id = request.getOrDefault("id", JsonValue.NULL);
            JsonObject params = request.get("params") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            String method = request.get("method") instanceof JsonString m ? m.getString() : "";
            JsonValue result = switch (method) {
                case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
                case "time" -> JSON.createObjectBuilder().add("serverTime", System.currentTimeMillis()).build();
                case "userDataStream.subscribe.signature" -> subscribe(session, params).build();
                case "userDataStream.unsubscribe" -> {
                    hub().forgetUser(session);
                    yield JsonValue.EMPTY_JSON_OBJECT;
                }
                case "order.place" -> {
                    Signed call = signed(session, params, ApiKeys.Permission.TRADE);
                    newOrderAllowed(call.userId());
                    yield json(orders().place(call.userId(), call));
                }
                case "order.cancel" -> {
                    Signed call = signed(session, params, ApiKeys.Permission.TRADE);
                    yield json(orders().cancel(call.userId(), call));
                }
                case "order.status" -> {
                    Signed call = signed(session, params, ApiKeys.Permission.READ);
                    yield json(orders().status(call.userId(), call));
                }
                case "openOrders.status" -> {
                    Signed call = signed(session, params, ApiKeys.Permission.READ);
                    yield json(orders().open(call.userId(), call));
                }
                default -> throw new BinanceError(-1102, 400, "Unknown method '" + method + "'.");
            };
            StreamHub.send(session, JSON.createObjectBuilder().add("id", id).add("status", 200).add("result", result)
                    .add("rateLimits", JSON.createArrayBuilder()).build().toString());
        } catch (BinanceError e) {
            StreamHub.send(session, error(id, e.status(), e.code(), e.getMessage()));
        } catch (BusinessException e) {
            Response r = BinanceErrors.response(e.code(), e.getMessage());
            Map<?, ?> body = (Map<?, ?>) r.getEntity();
            StreamHub.send(session, error(id, r.getStatus(), ((Number) body.get("code")).intValue(), (String) body.get("msg")));
        } catch (RuntimeException e) {
            StreamHub.send(session, error(id, 400, -1102, "Malformed request: send a JSON object with id, method and params."));
        }
    }

    private static JsonObjectBuilder subscribe(Session session, JsonObject params) {
        int subscription = hub().addWsApiUser(session, signed(session, params, ApiKeys.Permission.READ).userId());
        return JSON.createObjectBuilder().add("subscriptionId", subscription);
    }

    /** A request's parameters once its signature checked out, and whose key signed it. */
    private record Signed(long userId, Map<String, String> params) implements BinanceParams {
        @Override
        public String param(String name) {
            String v = params.get(name);
            return v == null || v.isEmpty() ? null : v;
        }
    }

    /**
     * Binance's per-request signature: HMAC-SHA256 with the key's secret over every parameter but
     * {@code signature} itself, sorted by name, as a query string; the timestamp within the window.
     */
    private static Signed signed(Session session, JsonObject params, ApiKeys.Permission permission) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        String signature = sorted.remove("signature");
        String apiKey = sorted.get("apiKey");
        if (apiKey == null || signature == null) {
            throw new BinanceError(-1102, 400, "Mandatory parameters 'apiKey', 'timestamp' and 'signature' must be sent.");
        }
        SignedRequestFilter.checkTime(sorted.get("timestamp"), sorted.get("recvWindow"));
        String payload = sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ApiKeys.Verified key = Beans.KEYS
                .verify(apiKey, payload, signature, remoteAddress(session), permission);
        return new Signed(key.userId(), sorted);
    }

    /** New orders per account per 10 s: one budget for REST and WebSocket orders alike. */
    private static void newOrderAllowed(long userId) {
        AddressLimit.Verdict v = Beans.LIMITS.newOrder(userId);
        if (!v.allowed()) {
            throw new BusinessException(ErrorCode.TOO_MANY_ORDERS, "current limit is " + v.limit() + " orders per 10 SECOND.");
        }
    }

    private static JsonValue json(Object answer) {
        return JSON.createReader(new StringReader(JSONB.toJson(answer))).readValue();
    }

    private static BinanceOrders orders() {
        return Beans.ORDERS;
    }

    /**
     * The client's address, for the key's IP whitelist. The WebSocket API does not expose it;
     * Payara's implementation (Tyrus) does. Unknown, it matches no whitelist: such keys are refused.
     */
    private static String remoteAddress(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            return address == null ? "" : address.toString();
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static String error(JsonValue id, int status, int code, String msg) {
        return JSON.createObjectBuilder().add("id", id).add("status", status)
                .add("error", JSON.createObjectBuilder().add("code", code).add("msg", msg)).build().toString();
    }

    /** The client answered a ping: it is alive (see {@link StreamHub#addBinance}). */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        StreamHub.heard(session);
    }

    @OnClose
    public void close(Session session) {
        hub().forget(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub().forget(session);
    }

    private static StreamHub hub() {
        return Beans.HUB;
    }

    /**
     * The beans every message uses, looked up once (on first use, inside the application): a CDI
     * lookup per message built a new EJB proxy each time, a sixth of the order path's CPU in a
     * profile. All four are safe to share (a stateless EJB's proxy, application-scoped beans).
     */
    private static final class Beans {
        static final ApiKeys KEYS = CDI.current().select(ApiKeys.class).get();
        static final RateLimits LIMITS = CDI.current().select(RateLimits.class).get();
        static final BinanceOrders ORDERS = CDI.current().select(BinanceOrders.class).get();
        static final StreamHub HUB = CDI.current().select(StreamHub.class).get();
    }
}
