package exchange.trade.messaging;

import exchange.api.messaging.OutboxRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_trade", name = "outbox")
public class TradeOutboxRecord extends OutboxRecord {
}
