package exchange.api.messaging;

import exchange.api.event.DomainEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in a service's own outbox table. It is written in the same JTA transaction
 * as the business rows, so the event exists exactly when the business change does.
 */
@MappedSuperclass
public abstract class OutboxRecord {
    @Id
    @Column(name = "event_id", length = 36)
    private String eventId;
    @Column(name = "topic", nullable = false)
    private String topic;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "msg_key", nullable = false)
    private String key;
    @Column(name = "payload", nullable = false)
    private String payload;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxRecord() {
    }

    void fill(DomainEvent event, Instant now) {
        this.eventId = UUID.randomUUID().toString();
        this.topic = event.topic();
        this.eventType = event.eventType();
        this.key = event.key();
        this.payload = EventCodec.toJson(event);
        this.createdAt = now;
    }

    void markSent(Instant when) {
        this.sentAt = when;
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(eventId, eventType, topic, key, createdAt, payload);
    }

    public String eventId() {
        return eventId;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
