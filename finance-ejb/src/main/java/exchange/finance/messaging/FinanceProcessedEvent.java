package exchange.finance.messaging;

import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.ProcessedEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_finance", name = "processed_events")
public class FinanceProcessedEvent extends ProcessedEvent {
    protected FinanceProcessedEvent() {
    }

    public FinanceProcessedEvent(String consumerGroup, EventEnvelope event) {
        super(consumerGroup, event);
    }
}
