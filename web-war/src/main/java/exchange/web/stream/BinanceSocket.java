package exchange.web.stream;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the three Binance-shaped endpoints ({@code /ws}, {@code /ws/<name>}, {@code /stream})
 * share: the streams a connection names at open, and the live methods SUBSCRIBE, UNSUBSCRIBE,
 * LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY ("combined"), answered as Binance answers them.
 * A listen key among the names opens the user data stream of its owner. Each endpoint class still
 * declares its four callbacks: WebSocket annotations are not inherited (Jakarta WebSocket 4.7).
 */
final class BinanceSocket {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int MAX_STREAMS = 1024;
    private static final String STREAMS = "binance.streams";

    private BinanceSocket() {
    }

    static void open(Session session, Collection<String> names, boolean combined) {
        StreamHub hub = hub();
        hub.addBinance(session);
        session.getUserProperties().put(StreamHub.RAW, !combined);
        session.getUserProperties().put(STREAMS, ConcurrentHashMap.<String>newKeySet());
        for (String name : names) {
            if (ListenKeys.looksLikeKey(name)) {
                Long owner = CDI.current().select(ListenKeys.class).get().owner(name);
                if (owner != null) {
                    hub.addUser(session, owner, name);
                }
            } else if (BinanceStreams.valid(name)) {
                add(session, hub, name);
            }
            // Binance keeps a connection open on a name it does not know; so do we.
        }
    }

    static List<String> split(List<String> params) {
        List<String> names = new ArrayList<>();
        for (String p : params) {
            for (String name : p.split("/")) {
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static void message(Session session, String text) {
        StreamHub.heard(session);
        JsonObject request;
        try {
            request = JSON.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            StreamHub.send(session, error(JsonValue.NULL, 3, "Invalid JSON: expected an object"));
            return;
        }
        JsonValue id = request.getOrDefault("id", JsonValue.NULL);
        if (id.getValueType() != JsonValue.ValueType.NUMBER && id.getValueType() != JsonValue.ValueType.STRING
                && id != JsonValue.NULL) {
            StreamHub.send(session, error(JsonValue.NULL, 2, "Invalid request: request ID must be an unsigned integer"));
            return;
        }
        List<String> params = new ArrayList<>();
        List<JsonValue> rawParams = request.get("params") instanceof JsonArray a ? a : List.of();
        rawParams.forEach(v -> params.add(v instanceof JsonString s ? s.getString() : v.toString()));
        StreamHub hub = hub();
        Set<String> streams = streams(session);
        String method = request.get("method") instanceof JsonString m ? m.getString() : "";
        switch (method) {
            case "SUBSCRIBE" -> {
                for (String name : params) {
                    if (!BinanceStreams.valid(name)) {
                        StreamHub.send(session, error(id, 2, "Invalid request: invalid stream " + name));
                        return;
                    }
                }
                if (streams.size() + params.size() > MAX_STREAMS) {
                    StreamHub.send(session, error(id, 2, "Invalid request: too many streams (at most " + MAX_STREAMS + ")"));
                    return;
                }
                params.forEach(name -> add(session, hub, name));
                StreamHub.send(session, result(id, JsonValue.NULL));
            }
            case "UNSUBSCRIBE" -> {
                for (String name : params) {
                    if (streams.remove(name)) {
                        hub.unsubscribe(session, name);
                    }
                }
                StreamHub.send(session, result(id, JsonValue.NULL));
            }
            case "LIST_SUBSCRIPTIONS" -> {
                var list = JSON.createArrayBuilder();
                streams.stream().sorted().forEach(list::add);
                StreamHub.send(session, result(id, list.build()));
            }
            case "SET_PROPERTY" -> {
                if (params.size() != 2 || !"combined".equals(params.get(0))
                        || !(params.get(1).equals("true") || params.get(1).equals("false"))) {
                    StreamHub.send(session, error(id, 1, "Invalid value type: expected [\"combined\", true|false]"));
                    return;
                }
                session.getUserProperties().put(StreamHub.RAW, params.get(1).equals("false"));
                StreamHub.send(session, result(id, JsonValue.NULL));
            }
            case "GET_PROPERTY" -> {
                if (params.size() != 1 || !"combined".equals(params.get(0))) {
                    StreamHub.send(session, error(id, 0, "Unknown property"));
                    return;
                }
                boolean combined = !Boolean.TRUE.equals(session.getUserProperties().get(StreamHub.RAW));
                StreamHub.send(session, result(id, combined ? JsonValue.TRUE : JsonValue.FALSE));
            }
            default -> StreamHub.send(session, error(id, 2, "Invalid request: unknown variant " + method
                    + ", expected one of SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY"));
        }
    }

    static void close(Session session) {
        hub().forget(session);
    }

    private static void add(Session session, StreamHub hub, String name) {
        if (streams(session).add(name)) {
            hub.subscribe(session, name);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> streams(Session session) {
        return (Set<String>) session.getUserProperties().get(STREAMS);
    }

    private static StreamHub hub() {
        return CDI.current().select(StreamHub.class).get();
    }

    private static String result(JsonValue id, JsonValue result) {
        return JSON.createObjectBuilder().add("result", result).add("id", id).build().toString();
    }

    private static String error(JsonValue id, int code, String message) {
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder().add("code", code).add("msg", message))
                .add("id", id).build().toString();
    }
}
