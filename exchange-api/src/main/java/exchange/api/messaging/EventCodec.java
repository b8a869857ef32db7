package exchange.api.messaging;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JSON-B for event payloads; one thread-safe instance for the whole application. */
public final class EventCodec {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private EventCodec() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
