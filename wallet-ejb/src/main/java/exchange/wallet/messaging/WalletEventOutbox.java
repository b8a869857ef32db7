package exchange.wallet.messaging;

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

/** The wallet service's outbox onto {@code wallet-events}. */
@Singleton
@Startup
@DependsOn("WalletSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
public class WalletEventOutbox extends AbstractEventOutbox implements OutboxHealth {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    public WalletEventOutbox() {
        super(WalletOutboxRecord.class, ConsumerGroups.WALLET);
    }

    @Override
    protected EntityManager entityManager() {
        return em;
    }
}
