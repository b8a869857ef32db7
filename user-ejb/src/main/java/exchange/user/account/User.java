package exchange.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(schema = "exchange_user", name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
public class User {
    public static final String BY_EMAIL = "User.byEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "kyc_level", nullable = false)
    private int kycLevel;

    protected User() {
    }

    public User(String email, String passwordHash, Instant createdAt) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.status = "ACTIVE";
        this.createdAt = createdAt;
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

    public String status() {
        return status;
    }

    public int kycLevel() {
        return kycLevel;
    }

    /** ACTIVE or FROZEN (by an operator: no sign-in, no API). */
    public void changeStatus(String newStatus) {
        this.status = newStatus;
    }

    /** Levels are reached one after the other. */
    public void reachedKycLevel(int level) {
        if (level != kycLevel + 1) {
            throw new IllegalStateException("user " + id + " is at KYC level " + kycLevel + ", not below " + level);
        }
        this.kycLevel = level;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
