package exchange.user.operator;

import exchange.user.account.Emails;
import exchange.user.account.Passwords;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console needs someone to sign in first: the operator named by exchange.admin.email and
 * exchange.admin.password is created with the admin role if missing. Configuration is the source
 * of truth for this one bootstrap account, so a changed password there replaces the stored one
 * (the way to recover a lost admin password). The password is only read, never logged.
 */
@Singleton
@Startup
@DependsOn("UserSchema")
public class FirstOperator {
    private static final Logger LOG = Logger.getLogger(FirstOperator.class.getName());

    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private Passwords passwords;
    @Inject
    @ConfigProperty(name = "exchange.admin.email", defaultValue = "admin@exchange.local")
    private String email;
    @Inject
    @ConfigProperty(name = "exchange.admin.password")
    private Optional<String> password;

    @PostConstruct
    void ensure() {
        if (password.isEmpty() || password.get().isBlank()) {
            LOG.warning("exchange.admin.password is not set: no bootstrap operator is created or updated.");
            return;
        }
        String address = Emails.normalize(email);
        Optional<Operator> existing = em.createNamedQuery(Operator.BY_EMAIL, Operator.class)
                .setParameter("email", address).getResultStream().findFirst();
        if (existing.isEmpty()) {
            em.persist(new Operator(address, passwords.hash(password.get()), Set.of("admin")));
            LOG.info("Created the bootstrap operator " + address);
        } else if (!passwords.matches(password.get(), existing.get().passwordHash())) {
            existing.get().changePassword(passwords.hash(password.get()));
            LOG.info("Reset the bootstrap operator's password from configuration: " + address);
        }
    }
}
