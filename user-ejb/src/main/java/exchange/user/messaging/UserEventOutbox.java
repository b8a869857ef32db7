package exchange.user.messaging;

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

/** The user service's outbox onto {@code user-events}. */
@Singleton
@Startup
@DependsOn("UserSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@LocalBean
public class UserEventOutbox extends AbstractEventOutbox implements OutboxHealth {
    @PersistenceContext(unitName = "user")
    private EntityManager em;

    public UserEventOutbox() {
        super(UserOutboxRecord.class, ConsumerGroups.USER);
    }

    @Override
    protected EntityManager entityManager() {
        return em;
    }
}
