package exchange.user.operator;

import exchange.user.apikey.SecretBox;
import exchange.user.security.Totp;
import java.nio.charset.StandardCharsets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who runs the exchange from the console; never a trader account. */
@Entity
@Table(schema = "exchange_user", name = "operators")
@NamedQuery(name = Operator.BY_EMAIL, query = "SELECT o FROM Operator o WHERE o.email = :email")
public class Operator {
    public static final String BY_EMAIL = "Operator.byEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String roles;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "totp_enc")
    private byte[] totpEncrypted;
    @Column(name = "totp_iv")
    private byte[] totpIv;
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    protected Operator() {
    }

    public Operator(String email, String passwordHash, Set<String> roles) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles);
        this.createdAt = Instant.now();
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean hasSecondFactor() {
        return totpEncrypted != null;
    }

    /** A new TOTP secret (sealed): the old one, and any code of it, stops working. */
    public void secondFactor(SecretBox.Sealed secret) {
        this.totpIv = secret.iv();
        this.totpEncrypted = secret.ciphertext();
        this.totpLastStep = 0;
    }

    public String secondFactorSecret(SecretBox box) {
        return new String(box.open(new SecretBox.Sealed(totpIv, totpEncrypted)), StandardCharsets.US_ASCII);
    }

    /** A code of the current step or one either side, once: its step must be newer than the last accepted. */
    public boolean acceptCode(String code, long nowStep, SecretBox box) {
        if (totpEncrypted == null || code == null || !code.trim().matches("\\d{6}")) {
            return false;
        }
        String secret;
        try {
            secret = secondFactorSecret(box);
        } catch (IllegalStateException sealedUnderAnotherKey) {
            return false; // fail closed: an admin issues a new secret
        }
        for (long step = nowStep - 1; step <= nowStep + 1; step++) {
            if (step > totpLastStep && Totp.code(secret, step).equals(code.trim())) {
                totpLastStep = step;
                return true;
            }
        }
        return false;
    }

    public Set<String> roles() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
