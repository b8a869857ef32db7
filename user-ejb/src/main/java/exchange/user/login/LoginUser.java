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
import exchange.user.token.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/** Login (seed 2.1): password check, a token, and a UserLoggedIn event for the audit trail. */
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

    @Override
    public AccessToken login(String rawEmail, String password, String clientIp) {
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
        if (!passwords.matches(password, user.passwordHash())) {
            throw new BusinessException(ErrorCode.BAD_CREDENTIALS);
        }
        if (!"ACTIVE".equals(user.status())) {
            throw new BusinessException(ErrorCode.FORBIDDEN);
        }
        events.publish(new UserLoggedIn(user.id(), user.email(), clientIp, Instant.now()));
        return tokens.issue(user.id(), user.email(), Set.of(TokenIssuer.TRADER));
    }
}
