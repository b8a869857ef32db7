package exchange.finance.messaging;

import exchange.api.messaging.OutboxRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_finance", name = "outbox")
public class FinanceOutboxRecord extends OutboxRecord {
}
