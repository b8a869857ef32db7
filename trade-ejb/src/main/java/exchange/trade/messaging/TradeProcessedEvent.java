package exchange.trade.messaging;

import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.ProcessedEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_trade", name = "processed_events")
public class TradeProcessedEvent extends ProcessedEvent {
    protected TradeProcessedEvent() {
    }

    public TradeProcessedEvent(String consumerGroup, EventEnvelope event) {
        super(consumerGroup, event);
    }
}
