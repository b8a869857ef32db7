package exchange.user.messaging;

import exchange.api.messaging.OutboxRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_user", name = "outbox")
public class UserOutboxRecord extends OutboxRecord {
}
