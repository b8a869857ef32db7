package exchange.user.messaging;

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

/** The user service's outbox onto {@code user-events} (and the probe onto {@code system-events}). */
@Singleton
@Startup
@DependsOn("UserSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UserEventOutbox extends AbstractEventOutbox {
    @PersistenceContext(unitName = "user")
    private EntityManager em;

    @Override
    protected EntityManager entityManager() {
        return em;
    }

    @Override
    protected OutboxRecord newRecord() {
        return new UserOutboxRecord();
    }

    @Override
    protected Class<? extends OutboxRecord> recordType() {
        return UserOutboxRecord.class;
    }

    @Override
    protected String producerGroup() {
        return ConsumerGroups.USER;
    }
}
