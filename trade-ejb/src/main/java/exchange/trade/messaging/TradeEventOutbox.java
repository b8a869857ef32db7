package exchange.trade.messaging;

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

/** The trade service's outbox onto {@code trade-events}: order and trade events, keyed by symbol. */
@Singleton
@Startup
@DependsOn("TradeSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
public class TradeEventOutbox extends AbstractEventOutbox implements OutboxHealth {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;

    public TradeEventOutbox() {
        super(TradeOutboxRecord.class, ConsumerGroups.TRADE);
    }

    @Override
    protected EntityManager entityManager() {
        return em;
    }
}
