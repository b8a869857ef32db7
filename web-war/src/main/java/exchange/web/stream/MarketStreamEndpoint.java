package exchange.web.stream;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public market streams: {@code /ws/market?streams=btcusdt@depth/btcusdt@trade}, and at any time
 * {@code {"method":"SUBSCRIBE"|"UNSUBSCRIBE"|"LIST_SUBSCRIPTIONS","params":[...],"id":1}}. Each
 * update arrives as {@code {"stream":...,"data":...}}.
 */
@ServerEndpoint("/ws/market")
public class MarketStreamEndpoint {
    /** Looked up once: Json.createX() searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_STREAMS = 200;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    private static StreamHub hub() {
        return CDI.current().select(StreamHub.class).get();
    }

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> requested = session.getRequestParameterMap().getOrDefault("streams", List.of());
        for (String param : requested) {
            for (String name : param.split("/")) {
                if (!name.isBlank() && !add(session, name)) {
                    session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "INVALID_STREAM " + name));
                    return;
                }
            }
        }
    }

    @OnMessage
    public void message(Session session, String text) {
        JsonObject request;
        try {
            request = JSON.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            StreamHub.send(session, error(null, "MALFORMED_JSON", "Send a JSON object."));
            return;
        }
        JsonValue id = request.getOrDefault("id", JsonValue.NULL);
        String method = request.getString("method", "");
        List<String> params = new ArrayList<>();
        JsonValue rawParams = request.get("params");
        if (rawParams instanceof JsonArray array) {
            for (JsonValue v : array) {
                params.add(v instanceof JsonString s ? s.getString() : "");
            }
        }
        switch (method) {
            case "SUBSCRIBE" -> {
                for (String name : params) {
                    if (MarketStreams.canonical(name) == null) {
                        StreamHub.send(session, error(id, "INVALID_STREAM", "Unknown stream " + name + "."));
                        return;
                    }
                }
                for (String name : params) {
                    if (!add(session, name)) {
                        StreamHub.send(session, error(id, "TOO_MANY_STREAMS", "At most " + MAX_STREAMS + " streams."));
                        return;
                    }
                }
                StreamHub.send(session, result(id, JsonValue.NULL));
            }
            case "UNSUBSCRIBE" -> {
                for (String name : params) {
                    String stream = MarketStreams.canonical(name);
                    if (stream != null && streams.remove(stream)) {
                        hub().unsubscribe(session, stream);
                    }
                }
                StreamHub.send(session, result(id, JsonValue.NULL));
            }
            case "LIST_SUBSCRIPTIONS" -> {
                var list = JSON.createArrayBuilder();
                streams.stream().sorted().forEach(list::add);
                StreamHub.send(session, result(id, list.build()));
            }
            default -> StreamHub.send(session, error(id, "UNKNOWN_METHOD", "Methods: SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS."));
        }
    }

    private boolean add(Session session, String name) {
        String stream = MarketStreams.canonical(name);
        if (stream == null || (streams.size() >= MAX_STREAMS && !streams.contains(stream))) {
            return false;
        }
        streams.add(stream);
        hub().subscribe(session, stream);
        return true;
    }

    @OnClose
    public void close(Session session) {
        hub().forget(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub().forget(session);
    }

    private static String result(JsonValue id, JsonValue result) {
        return JSON.createObjectBuilder().add("result", result).add("id", id).build().toString();
    }

    static String error(JsonValue id, String code, String message) {
        return JSON.createObjectBuilder()
                .add("error", JSON.createObjectBuilder(Map.of("code", code, "message", message)))
                .add("id", id == null ? JsonValue.NULL : id).build().toString();
    }
}
