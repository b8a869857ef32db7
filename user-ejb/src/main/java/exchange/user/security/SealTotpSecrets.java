package exchange.user.security;

import exchange.user.apikey.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * TOTP secrets stored before they were encrypted are sealed under the master key at start, and
 * their plaintext column cleared: after one start no secret is readable from the database alone.
 */
@Singleton
@Startup
@DependsOn("UserSchema")
public class SealTotpSecrets {
    private static final Logger LOG = Logger.getLogger(SealTotpSecrets.class.getName());

    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private SecretBox box;

    @PostConstruct
    void seal() {
        try {
            List<UserTotp> plain = em.createQuery("SELECT t FROM UserTotp t WHERE t.secret IS NOT NULL", UserTotp.class).getResultList();
            plain.forEach(t -> t.sealLegacy(box));
            if (!plain.isEmpty()) {
                LOG.info("Sealed " + plain.size() + " TOTP secrets stored in plaintext");
            }
        } catch (RuntimeException e) {
            // No master key configured: they stay as they are (and readable) until one is.
            LOG.log(Level.WARNING, "TOTP secrets stored in plaintext could not be sealed", e);
        }
    }
}
