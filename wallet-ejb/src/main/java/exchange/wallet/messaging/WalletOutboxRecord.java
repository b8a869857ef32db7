package exchange.wallet.messaging;

import exchange.api.messaging.OutboxRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_wallet", name = "outbox")
public class WalletOutboxRecord extends OutboxRecord {
}
