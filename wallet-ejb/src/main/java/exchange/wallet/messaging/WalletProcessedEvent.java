package exchange.wallet.messaging;

import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.ProcessedEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_wallet", name = "processed_events")
public class WalletProcessedEvent extends ProcessedEvent {
    protected WalletProcessedEvent() {
    }

    public WalletProcessedEvent(String consumerGroup, EventEnvelope event) {
        super(consumerGroup, event);
    }
}
