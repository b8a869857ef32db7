package exchange.finance.messaging;

import exchange.api.event.ConsumerGroups;
import exchange.api.messaging.AbstractEventOutbox;
import exchange.api.messaging.OutboxHealth;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The finance service's outbox onto {@code finance-events} and {@code system-events}. */
@Singleton
@Startup
@DependsOn("FinanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
public class FinanceEventOutbox extends AbstractEventOutbox implements OutboxHealth {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    public FinanceEventOutbox() {
        super(FinanceOutboxRecord.class, ConsumerGroups.FINANCE);
    }

    @Override
    protected EntityManager entityManager() {
        return em;
    }
}
