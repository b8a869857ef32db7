package exchange.wallet.messaging;

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

/** The wallet service's outbox onto {@code wallet-events}. */
@Singleton
@Startup
@DependsOn("WalletSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WalletEventOutbox extends AbstractEventOutbox {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    @Override
    protected EntityManager entityManager() {
        return em;
    }

    @Override
    protected OutboxRecord newRecord() {
        return new WalletOutboxRecord();
    }

    @Override
    protected Class<? extends OutboxRecord> recordType() {
        return WalletOutboxRecord.class;
    }

    @Override
    protected String producerGroup() {
        return ConsumerGroups.WALLET;
    }
}
