package exchange.user.account;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.UserStatusChanged;
import exchange.api.user.UserStatus;
import exchange.api.user.UserView;
import exchange.user.messaging.UserEventOutbox;
import exchange.user.session.SessionStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Freezing marks the user FROZEN (sign-in and refresh refuse them), ends every session (their
 * tokens are refused on the next request) and sets the marker that refuses tokens of no session.
 */
@Stateless
public class FreezeUser implements UserStatus {
    static final String FROZEN = "FROZEN";
    static final String ACTIVE = "ACTIVE";
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private SessionStore sessions;
    @EJB
    private UserEventOutbox events;
    @Inject
    private exchange.user.apikey.LiveKeys liveKeys;

    @Override
    public UserView freeze(long userId, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: freezing needs one");
        }
        return change(userId, FROZEN, operator, reason);
    }

    @Override
    public UserView unfreeze(long userId, String operator, String reason) {
        return change(userId, ACTIVE, operator, reason);
    }

    private UserView change(long userId, String status, String operator, String reason) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No user " + userId + ".");
        }
        if (!status.equals(user.status())) {
            user.changeStatus(status);
            events.publish(new UserStatusChanged(userId, status, reason, operator));
        }
        sessions.frozen(userId, FROZEN.equals(status));
        if (FROZEN.equals(status)) {
            sessions.endAll(userId);
            liveKeys.forgetUser(userId);
        }
        return new UserView(user.id(), user.email(), user.status(), user.createdAt());
    }
}
