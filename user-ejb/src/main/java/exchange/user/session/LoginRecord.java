package exchange.user.session;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import exchange.user.registration.VerificationMail;

/**
 * Writes the login history in its own transaction, so a failed attempt is kept although the
 * failed login itself rolls back; and mails the new-device notice on its own thread, so a mail
 * server that is down never fails a sign-in.
 */
@Stateless
public class LoginRecord {
    private static final Logger LOG = Logger.getLogger(LoginRecord.class.getName());

    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @EJB
    private VerificationMail mail;

    /** Returns whether the device (address and user agent) had not signed in successfully before. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean record(long userId, String ip, String userAgent, boolean success) {
        String agent = userAgent == null ? "" : userAgent.length() > 255 ? userAgent.substring(0, 255) : userAgent;
        boolean newDevice = success && ((Number) em.createNativeQuery("SELECT COUNT(*) FROM exchange_user.login_history"
                        + " WHERE user_id = ?1 AND ip = ?2 AND user_agent = ?3 AND success = TRUE")
                .setParameter(1, userId).setParameter(2, ip).setParameter(3, agent).getSingleResult()).longValue() == 0;
        boolean firstEver = success && ((Number) em.createNativeQuery("SELECT COUNT(*) FROM exchange_user.login_history"
                + " WHERE user_id = ?1 AND success = TRUE").setParameter(1, userId).getSingleResult()).longValue() == 0;
        em.createNativeQuery("INSERT INTO exchange_user.login_history (user_id, at, ip, user_agent, success, new_device)"
                        + " VALUES (?1, NOW(6), ?2, ?3, ?4, ?5)")
                .setParameter(1, userId).setParameter(2, ip).setParameter(3, agent).setParameter(4, success)
                .setParameter(5, newDevice).executeUpdate();
        return newDevice && !firstEver;
    }

    @Asynchronous
    public void noticeNewDevice(String email, String ip, String userAgent) {
        try {
            mail.send(email, "New sign-in to your exchange account", "Your account was signed in to from a new device: "
                    + userAgent + " at " + ip + ". If this was not you, log out everywhere and change your password.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "new-device notice not sent", e);
        }
    }
}
