package exchange.user.account;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Password policy and hashing (Jakarta Security's PBKDF2), for users and operators alike. */
@ApplicationScoped
public class Passwords {
    @Inject
    private Pbkdf2PasswordHash hash;
    @Inject
    @ConfigProperty(name = "exchange.password.iterations", defaultValue = "210000")
    private int iterations;
    private String dummyHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        dummyHash = hash.generate("not-a-password-1".toCharArray());
    }

    public static void checkStrength(String password, String email) {
        if (password == null || password.length() < 8 || password.length() > 128
                || password.chars().noneMatch(Character::isLetter)
                || password.chars().noneMatch(Character::isDigit)
                || password.equalsIgnoreCase(email)) {
            throw new BusinessException(ErrorCode.WEAK_PASSWORD);
        }
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real check, so a login cannot tell which e-mails exist. */
    public void burnVerification(String password) {
        hash.verify(String.valueOf(password).toCharArray(), dummyHash);
    }
}
