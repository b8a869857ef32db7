package exchange.api.messaging;

import java.time.Instant;

/**
 * An event as it travels: identity and routing beside the JSON payload. The event id is what
 * every consumer records to make redelivery harmless.
 */
public record EventEnvelope(String eventId, String type, String topic, String key, Instant occurredAt,
                            String payload) {

    public <T> T payloadAs(Class<T> type) {
        return EventCodec.fromJson(payload, type);
    }
}
