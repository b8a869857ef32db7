package exchange.api.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;

/**
 * The mark a consumer leaves, in its own service's table and in the same JTA transaction as its
 * effect: a second delivery of the same event finds it and does nothing.
 */
@MappedSuperclass
@IdClass(ProcessedEvent.Key.class)
public abstract class ProcessedEvent {
    @Id
    @Column(name = "consumer_group", length = 64)
    private String consumerGroup;
    @Id
    @Column(name = "event_id", length = 36)
    private String eventId;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    protected ProcessedEvent(String consumerGroup, EventEnvelope event) {
        this.consumerGroup = consumerGroup;
        this.eventId = event.eventId();
        this.eventType = event.type();
        this.processedAt = Instant.now();
    }

    public Key key() {
        return new Key(consumerGroup, eventId);
    }

    public static final class Key implements Serializable {
        private String consumerGroup;
        private String eventId;

        public Key() {
        }

        public Key(String consumerGroup, String eventId) {
            this.consumerGroup = consumerGroup;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.consumerGroup.equals(consumerGroup) && k.eventId.equals(eventId);
        }

        @Override
        public int hashCode() {
            return consumerGroup.hashCode() * 31 + eventId.hashCode();
        }
    }
}
