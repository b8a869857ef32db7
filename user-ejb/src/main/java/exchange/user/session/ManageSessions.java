package exchange.user.session;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.SecurityUpdated;
import exchange.api.persistence.InstantConverter;
import exchange.api.user.AccessToken;
import exchange.api.user.UserSessions;
import exchange.user.account.User;
import exchange.user.messaging.UserEventOutbox;
import exchange.user.token.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Refresh, logout, log out everywhere, and the login history (sessions live in {@link SessionStore}). */
@Stateless
public class ManageSessions implements UserSessions {
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private SessionStore store;
    @EJB
    private TokenIssuer tokens;
    @EJB
    private UserEventOutbox events;

    @Override
    public AccessToken refresh(String refreshToken) {
        SessionStore.Rotated rotated = store.rotate(refreshToken)
                .orElseThrow(() -> new BusinessException(ErrorCode.SESSION_INVALID, "The refresh token is not valid."));
        User user = em.find(User.class, rotated.userId());
        if (user == null || !"ACTIVE".equals(user.status())) {
            store.end(rotated.userId(), rotated.sessionId());
            throw new BusinessException(ErrorCode.SESSION_INVALID, "The account cannot sign in.");
        }
        return tokens.issue(user.id(), user.email(), Set.of(TokenIssuer.TRADER), rotated.sessionId())
                .withRefreshToken(rotated.refreshToken());
    }

    @Override
    public void logout(long userId, String sessionId) {
        if (sessionId != null) {
            store.end(userId, sessionId);
        }
    }

    @Override
    public void logoutEverywhere(long userId) {
        store.endAll(userId);
        events.publish(new SecurityUpdated(userId, "LOGGED_OUT_EVERYWHERE", Instant.now()));
    }

    /** On every signed-in request: a Redis read that needs no transaction (starting one cost a tenth of a request). */
    @Override
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public boolean alive(String sessionId) {
        return store.alive(sessionId);
    }

    @Override
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public boolean frozen(long userId) {
        return store.isFrozen(userId);
    }

    @Override
    public List<LoginView> logins(long userId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT at, ip, user_agent, success, new_device FROM exchange_user.login_history"
                + " WHERE user_id = ?1 ORDER BY id DESC").setParameter(1, userId).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new LoginView(InstantConverter.fromColumn(r[0]), (String) r[1], (String) r[2],
                bool(r[3]), bool(r[4]))).toList();
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
    }
}
