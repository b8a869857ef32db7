package exchange.user.security;

import exchange.user.apikey.SecretBox;
import exchange.user.session.SessionStore;
import jakarta.inject.Inject;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.SecondFactor;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * TOTP second factor. A code is checked under the row's lock and its time step stored, so the
 * same code cannot pass twice, not even from two requests at once; failures lock the codes out
 * for a while; the secret is stored encrypted ({@link SecretBox}).
 */
@Stateless
public class SecondFactorBean implements SecondFactor {
    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private SecretBox box;
    @Inject
    private SessionStore sessions;

    @Override
    public Setup setup(long userId) {
        String secret = Totp.newSecret();
        SecretBox.Sealed sealed = box.seal(secret.getBytes(StandardCharsets.US_ASCII));
        UserTotp totp = em.find(UserTotp.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (totp == null) {
            em.persist(new UserTotp(userId, sealed));
        } else if (totp.enabled()) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Two-factor authentication is already on.");
        } else {
            totp.renew(sealed);
        }
        String label = URLEncoder.encode("exchange:" + userId, StandardCharsets.UTF_8);
        return new Setup(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=exchange&digits=6&period=30");
    }

    @Override
    public void enable(long userId, String code) {
        UserTotp totp = em.find(UserTotp.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (totp == null || !check(userId, totp, code)) {
            throw new BusinessException(ErrorCode.TOTP_INVALID, "Set up two-factor authentication and send a current code.");
        }
        totp.enable();
    }

    @Override
    public boolean enabled(long userId) {
        UserTotp totp = em.find(UserTotp.class, userId);
        return totp != null && totp.enabled();
    }

    @Override
    public void require(long userId, String code) {
        UserTotp totp = em.find(UserTotp.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (totp == null || !totp.enabled()) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new BusinessException(ErrorCode.TOTP_REQUIRED, "totpCode is required");
        }
        if (!check(userId, totp, code.trim())) {
            throw new BusinessException(ErrorCode.TOTP_INVALID, "The code is wrong, expired or already used.");
        }
    }

    /**
     * A million codes are guessable: after the lock-out's failures the account's codes are refused,
     * right or wrong, until the window ends (429 TOTP_LOCKED).
     */
    private boolean check(long userId, UserTotp totp, String code) {
        String key = "totpfail:u:" + userId;
        if (sessions.lockedOut(key)) {
            throw new BusinessException(ErrorCode.TOTP_LOCKED);
        }
        if (!totp.accept(code, Totp.stepAt(Instant.now().getEpochSecond()), box)) {
            sessions.countFailure(key);
            return false;
        }
        sessions.clearFailures(key);
        return true;
    }
}
