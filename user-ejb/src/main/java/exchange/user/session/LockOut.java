package exchange.user.session;

import exchange.api.event.SecurityUpdated;
import exchange.user.messaging.UserEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;

/** Tells the others that an account was locked by failed sign-ins: in its own transaction, as the failed login rolls back. */
@Stateless
public class LockOut {
    @EJB
    private UserEventOutbox events;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void lockedOut(long userId) {
        events.publish(new SecurityUpdated(userId, "LOGIN_LOCKED", Instant.now()));
    }
}
