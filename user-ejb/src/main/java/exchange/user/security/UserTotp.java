package exchange.user.security;

import exchange.user.apikey.SecretBox;
import java.nio.charset.StandardCharsets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(schema = "exchange_user", name = "user_totp")
public class UserTotp {
    @Id
    @Column(name = "user_id")
    private long userId;
    /** Only rows made before secrets were encrypted; sealed and cleared by {@link SealTotpSecrets}. */
    private String secret;
    @Column(name = "secret_enc")
    private byte[] secretEncrypted;
    @Column(name = "secret_iv")
    private byte[] secretIv;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "last_step", nullable = false)
    private long lastStep;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserTotp() {
    }

    UserTotp(long userId, SecretBox.Sealed secret) {
        this.userId = userId;
        seal(secret);
        this.createdAt = Instant.now();
    }

    private void seal(SecretBox.Sealed sealed) {
        this.secret = null;
        this.secretIv = sealed.iv();
        this.secretEncrypted = sealed.ciphertext();
    }

    /** The plaintext of a row made before encryption, or null. */
    String legacySecret() {
        return secret;
    }

    void sealLegacy(SecretBox box) {
        if (secret != null) {
            seal(box.seal(secret.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private String secret(SecretBox box) {
        return secret != null ? secret : new String(box.open(new SecretBox.Sealed(secretIv, secretEncrypted)), StandardCharsets.US_ASCII);
    }

    boolean enabled() {
        return enabled;
    }

    void renew(SecretBox.Sealed newSecret) {
        seal(newSecret);
        enabled = false;
        lastStep = 0;
    }

    /** Accepts a code of the current step or one step either side, once: its step must be newer than the last accepted. */
    boolean accept(String code, long nowStep, SecretBox box) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        String plain;
        try {
            plain = secret(box);
        } catch (IllegalStateException sealedUnderAnotherKey) {
            return false; // fail closed: the user sets the second factor up again
        }
        for (long step = nowStep - 1; step <= nowStep + 1; step++) {
            if (step > lastStep && Totp.code(plain, step).equals(code)) {
                lastStep = step;
                return true;
            }
        }
        return false;
    }

    void enable() {
        enabled = true;
    }
}
