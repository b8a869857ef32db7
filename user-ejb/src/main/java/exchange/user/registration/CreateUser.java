package exchange.user.registration;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.UserRegistered;
import exchange.user.account.User;
import exchange.user.messaging.UserEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;

/** The one transaction of sign-up: the user row and its UserRegistered event commit together. */
@Stateless
public class CreateUser {
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @EJB
    private UserEventOutbox events;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public User create(String email, String passwordHash) {
        User user = new User(email, passwordHash, Instant.now());
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isDuplicateKey(e)) {
                // Another sign-up for the same address committed between our check and our insert.
                throw new BusinessException(ErrorCode.EMAIL_TAKEN);
            }
            throw e;
        }
        events.publish(new UserRegistered(user.id(), user.email(), user.createdAt()));
        return user;
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    public boolean exists(String email) {
        return !em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
