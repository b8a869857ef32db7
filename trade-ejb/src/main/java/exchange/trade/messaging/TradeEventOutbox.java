package exchange.trade.messaging;

import exchange.api.event.ConsumerGroups;
import exchange.api.messaging.AbstractEventOutbox;
import exchange.api.messaging.OutboxRecord;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The trade service's outbox onto {@code trade-events}: engine commands keyed by symbol. */
@Singleton
@Startup
@DependsOn("TradeSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TradeEventOutbox extends AbstractEventOutbox {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;

    @Override
    protected EntityManager entityManager() {
        return em;
    }

    @Override
    protected OutboxRecord newRecord() {
        return new TradeOutboxRecord();
    }

    @Override
    protected Class<? extends OutboxRecord> recordType() {
        return TradeOutboxRecord.class;
    }

    @Override
    protected String producerGroup() {
        return ConsumerGroups.TRADE;
    }
}
