package exchange.user.login;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.UserLoggedIn;
import exchange.api.user.AccessToken;
import exchange.api.user.UserLogin;
import exchange.user.account.Emails;
import exchange.user.account.Passwords;
import exchange.user.account.User;
import exchange.user.messaging.UserEventOutbox;
import exchange.user.session.LockOut;
import exchange.user.session.LoginRecord;
import exchange.user.session.SessionStore;
import exchange.user.token.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/**
 * Login (seed 2.1): password check, a new session (access token with its {@code sid}, refresh
 * token) and a UserLoggedIn event for the audit trail. Every attempt on a known account goes to
 * the login history; five failures in a row lock the account for a while (SecurityUpdated
 * LOGIN_LOCKED); a sign-in from a device never seen before is mailed to the user.
 */
@Stateless
public class LoginUser implements UserLogin {
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private Passwords passwords;
    @EJB
    private TokenIssuer tokens;
    @EJB
    private UserEventOutbox events;
    @Inject
    private SessionStore sessions;
    @EJB
    private LoginRecord history;
    @EJB
    private LockOut lockedOut;

    @Override
    public AccessToken login(String rawEmail, String password, String clientIp, String userAgent) {
        String email;
        try {
            email = Emails.normalize(rawEmail);
        } catch (BusinessException e) {
            throw new BusinessException(ErrorCode.BAD_CREDENTIALS);
        }
        User user = em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("email", email)
                .getResultStream().findFirst().orElse(null);
        if (user == null) {
            passwords.burnVerification(password);
            throw new BusinessException(ErrorCode.BAD_CREDENTIALS);
        }
        if (sessions.locked(user.id())) {
            throw new BusinessException(ErrorCode.LOGIN_LOCKED);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            history.record(user.id(), clientIp, userAgent, false);
            if (sessions.failed(user.id())) {
                lockedOut.lockedOut(user.id());
            }
            throw new BusinessException(ErrorCode.BAD_CREDENTIALS);
        }
        if (!"ACTIVE".equals(user.status())) {
            throw new BusinessException(ErrorCode.FORBIDDEN);
        }
        sessions.succeeded(user.id());
        if (history.record(user.id(), clientIp, userAgent, true)) {
            history.noticeNewDevice(user.email(), clientIp, userAgent);
        }
        events.publish(new UserLoggedIn(user.id(), user.email(), clientIp, Instant.now()));
        SessionStore.Opened session = sessions.open(user.id());
        return tokens.issue(user.id(), user.email(), Set.of(TokenIssuer.TRADER), session.sessionId())
                .withRefreshToken(session.refreshToken());
    }
}
