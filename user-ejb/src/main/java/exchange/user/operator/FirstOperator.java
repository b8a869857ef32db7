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
 * of truth for this one bootstrap account, so a changed password or TOTP secret
 * ({@code exchange.admin.totp-secret}) there replaces the stored one (the way to recover a lost
 * admin password or authenticator). Both are only read, never logged.
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
    /** The bootstrap admin's TOTP secret (base32), or a file holding it: an admin signs in only with a second factor. */
    @Inject
    @ConfigProperty(name = "exchange.admin.totp-secret")
    private Optional<String> totpSecret;
    @Inject
    @ConfigProperty(name = "exchange.admin.totp-secret-file")
    private Optional<String> totpSecretFile;
    @Inject
    private exchange.user.apikey.SecretBox box;

    @PostConstruct
    void ensure() {
        if (password.isEmpty() || password.get().isBlank()) {
            LOG.warning("exchange.admin.password is not set: no bootstrap operator is created or updated.");
            return;
        }
        String address = Emails.normalize(email);
        Optional<Operator> existing = em.createNamedQuery(Operator.BY_EMAIL, Operator.class)
                .setParameter("email", address).getResultStream().findFirst();
        Operator admin = existing.orElse(null);
        if (admin == null) {
            admin = new Operator(address, passwords.hash(password.get()), Set.of("admin"));
            em.persist(admin);
            LOG.info("Created the bootstrap operator " + address);
        } else if (!passwords.matches(password.get(), admin.passwordHash())) {
            admin.changePassword(passwords.hash(password.get()));
            LOG.info("Reset the bootstrap operator's password from configuration: " + address);
        }
        Optional<String> secret = exchange.api.Secrets.valueOrFile(totpSecret, totpSecretFile).map(String::trim);
        if (secret.isEmpty()) {
            LOG.warning("exchange.admin.totp-secret(-file) is not set: the bootstrap operator cannot sign in (admins need a second factor).");
        } else if (!admin.hasSecondFactor() || !secret.get().equals(storedSecret(admin))) {
            admin.secondFactor(box.seal(secret.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            LOG.info("Set the bootstrap operator's second factor from configuration: " + address);
        }
    }

    /** The stored secret, or null when it no longer opens (sealed under another master key): then configuration replaces it. */
    private String storedSecret(Operator admin) {
        try {
            return admin.secondFactorSecret(box);
        } catch (IllegalStateException sealedUnderAnotherKey) {
            return null;
        }
    }
}
