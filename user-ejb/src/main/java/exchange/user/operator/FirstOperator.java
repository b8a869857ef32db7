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
 * exchange.admin.password is created with the admin role if no such operator exists yet. The
 * password is only read from configuration, never logged.
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
        String address = Emails.normalize(email);
        boolean exists = !em.createNamedQuery(Operator.BY_EMAIL, Operator.class).setParameter("email", address)
                .getResultList().isEmpty();
        if (exists) {
            return;
        }
        if (password.isEmpty() || password.get().isBlank()) {
            LOG.warning("No operator exists and exchange.admin.password is not set: the console has no one to sign in.");
            return;
        }
        em.persist(new Operator(address, passwords.hash(password.get()), Set.of("admin")));
        LOG.info("Created the first operator " + address);
    }
}
