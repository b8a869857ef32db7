package exchange.api.finance;

import java.io.Serializable;
import java.time.Instant;

public record AuditEntryView(long id, String eventId, String eventType, String subject, String payload,
                             Instant occurredAt, Instant recordedAt) implements Serializable {
}
