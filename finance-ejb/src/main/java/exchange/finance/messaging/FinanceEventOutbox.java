package exchange.finance.messaging;

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

/** The finance service's outbox onto {@code finance-events} and {@code system-events}. */
@Singleton
@Startup
@DependsOn("FinanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FinanceEventOutbox extends AbstractEventOutbox {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    @Override
    protected EntityManager entityManager() {
        return em;
    }

    @Override
    protected OutboxRecord newRecord() {
        return new FinanceOutboxRecord();
    }

    @Override
    protected Class<? extends OutboxRecord> recordType() {
        return FinanceOutboxRecord.class;
    }

    @Override
    protected String producerGroup() {
        return ConsumerGroups.FINANCE;
    }
}
