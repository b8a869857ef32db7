package exchange.user.operator;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.AccessToken;
import exchange.api.user.OperatorAuthentication;
import exchange.api.user.OperatorView;
import exchange.user.account.Passwords;
import exchange.user.token.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

@Stateless
public class OperatorAuthenticationBean implements OperatorAuthentication {
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private Passwords passwords;
    @EJB
    private TokenIssuer tokens;

    @Override
    public Optional<OperatorView> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Optional<Operator> operator = em.createNamedQuery(Operator.BY_EMAIL, Operator.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
        if (operator.isEmpty()) {
            passwords.burnVerification(password);
            return Optional.empty();
        }
        return operator.filter(o -> passwords.matches(password, o.passwordHash()))
                .map(o -> new OperatorView(o.id(), o.email(), o.roles()));
    }

    @Override
    public AccessToken login(String email, String password) {
        OperatorView operator = authenticate(email, password)
                .orElseThrow(() -> new BusinessException(ErrorCode.BAD_CREDENTIALS));
        return tokens.issue(operator.id(), operator.email(), operator.roles());
    }

    @Override
    public OperatorView create(String email, String password, java.util.Set<String> roles) {
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "roles: one or more of " + ROLES);
        }
        String address = exchange.user.account.Emails.normalize(email);
        exchange.user.account.Passwords.checkStrength(password, address);
        if (em.createNamedQuery(Operator.BY_EMAIL, Operator.class).setParameter("email", address).getResultStream().findFirst().isPresent()) {
            throw new BusinessException(ErrorCode.EMAIL_TAKEN, "An operator with this e-mail exists.");
        }
        Operator operator = new Operator(address, passwords.hash(password), java.util.Set.copyOf(roles));
        em.persist(operator);
        em.flush();
        return new OperatorView(operator.id(), operator.email(), operator.roles());
    }

    @Override
    public java.util.List<OperatorView> operators() {
        return em.createQuery("SELECT o FROM Operator o ORDER BY o.id", Operator.class).getResultStream()
                .map(o -> new OperatorView(o.id(), o.email(), o.roles())).toList();
    }
}
