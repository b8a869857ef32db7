package exchange.user.security;

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
    @Column(nullable = false)
    private String secret;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "last_step", nullable = false)
    private long lastStep;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserTotp() {
    }

    UserTotp(long userId, String secret) {
        this.userId = userId;
        this.secret = secret;
        this.createdAt = Instant.now();
    }

    String secret() {
        return secret;
    }

    boolean enabled() {
        return enabled;
    }

    void renew(String newSecret) {
        secret = newSecret;
        enabled = false;
        lastStep = 0;
    }

    /** Accepts a code of the current step or one step either side, once: its step must be newer than the last accepted. */
    boolean accept(String code, long nowStep) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        for (long step = nowStep - 1; step <= nowStep + 1; step++) {
            if (step > lastStep && Totp.code(secret, step).equals(code)) {
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
