package exchange.finance.audit;

import exchange.api.finance.AuditEntryView;
import exchange.api.messaging.EventEnvelope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event as finance saw it: who it was about, what it said, when it happened and arrived. */
@Entity
@Table(schema = "exchange_finance", name = "audit_log")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_id", nullable = false)
    private String eventId;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String payload;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AuditEntry() {
    }

    public static AuditEntry of(EventEnvelope event) {
        AuditEntry e = new AuditEntry();
        e.eventId = event.eventId();
        e.eventType = event.type();
        e.subject = event.key();
        e.payload = event.payload();
        e.occurredAt = event.occurredAt();
        e.recordedAt = Instant.now();
        return e;
    }

    public AuditEntryView view() {
        return new AuditEntryView(id, eventId, eventType, subject, payload, occurredAt, recordedAt);
    }
}
