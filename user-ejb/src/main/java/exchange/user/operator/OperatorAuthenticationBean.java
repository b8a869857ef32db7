package exchange.user.operator;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.AccessToken;
import exchange.api.user.OperatorAuthentication;
import exchange.api.user.OperatorView;
import exchange.user.account.Passwords;
import exchange.user.apikey.SecretBox;
import exchange.user.security.Totp;
import exchange.user.session.SessionStore;
import exchange.user.token.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Operators sign in with a password and, for every operator that has one (all admin and finance
 * operators must), a TOTP code; failed attempts lock the operator out like a trader. A code is
 * checked under the operator's row lock and its step kept, so it passes once.
 */
@Stateless
public class OperatorAuthenticationBean implements OperatorAuthentication {
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private Passwords passwords;
    @EJB
    private TokenIssuer tokens;
    @Inject
    private SessionStore sessions;
    @Inject
    private SecretBox box;

    @Override
    public Optional<OperatorView> authenticate(String email, String password, String totpCode) {
        if (email == null || password == null || email.length() > 254 || password.length() > 128) {
            return Optional.empty();
        }
        Optional<Operator> found = em.createNamedQuery(Operator.BY_EMAIL, Operator.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            passwords.burnVerification(password);
            return Optional.empty();
        }
        Operator o = found.get();
        String key = "opfail:" + o.id();
        if (sessions.lockedOut(key)) {
            throw new BusinessException(ErrorCode.LOGIN_LOCKED);
        }
        boolean needsCode = o.hasSecondFactor() || !Collections.disjoint(o.roles(), SECOND_FACTOR_ROLES);
        if (!passwords.matches(password, o.passwordHash())
                || needsCode && !o.acceptCode(totpCode, Totp.stepAt(Instant.now().getEpochSecond()), box)) {
            sessions.countFailure(key);
            return Optional.empty();
        }
        sessions.clearFailures(key);
        return Optional.of(new OperatorView(o.id(), o.email(), o.roles()));
    }

    @Override
    public AccessToken login(String email, String password, String totpCode) {
        OperatorView operator = authenticate(email, password, totpCode)
                .orElseThrow(() -> new BusinessException(ErrorCode.BAD_CREDENTIALS, "E-mail, password or two-factor code is wrong."));
        return tokens.issue(operator.id(), operator.email(), operator.roles());
    }

    @Override
    public NewOperator create(String email, String password, Set<String> roles) {
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "roles: one or more of " + ROLES);
        }
        String address = exchange.user.account.Emails.normalize(email);
        Passwords.checkStrength(password, address);
        if (em.createNamedQuery(Operator.BY_EMAIL, Operator.class).setParameter("email", address).getResultStream().findFirst().isPresent()) {
            throw new BusinessException(ErrorCode.EMAIL_TAKEN, "An operator with this e-mail exists.");
        }
        Operator operator = new Operator(address, passwords.hash(password), Set.copyOf(roles));
        String secret = Totp.newSecret();
        operator.secondFactor(box.seal(secret.getBytes(StandardCharsets.US_ASCII)));
        em.persist(operator);
        em.flush();
        return issued(operator, secret);
    }

    @Override
    public NewOperator renewSecondFactor(long operatorId) {
        Operator operator = em.find(Operator.class, operatorId, LockModeType.PESSIMISTIC_WRITE);
        if (operator == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No operator " + operatorId + ".");
        }
        String secret = Totp.newSecret();
        operator.secondFactor(box.seal(secret.getBytes(StandardCharsets.US_ASCII)));
        return issued(operator, secret);
    }

    @Override
    public Optional<Instant> createdAt(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Operator.BY_EMAIL, Operator.class).setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().map(Operator::createdAt);
    }

    private static NewOperator issued(Operator operator, String secret) {
        String label = URLEncoder.encode("exchange-console:" + operator.email(), StandardCharsets.UTF_8);
        return new NewOperator(new OperatorView(operator.id(), operator.email(), operator.roles()), secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=exchange-console&digits=6&period=30");
    }

    @Override
    public java.util.List<OperatorView> operators() {
        return em.createQuery("SELECT o FROM Operator o ORDER BY o.id", Operator.class).getResultStream()
                .map(o -> new OperatorView(o.id(), o.email(), o.roles())).toList();
    }
}
