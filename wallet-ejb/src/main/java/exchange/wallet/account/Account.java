package exchange.wallet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One balance in one asset: a user's, or one of the exchange's own (system accounts, negative
 * user ids). Changed only by the ledger, which writes a journal row for every change.
 */
@Entity
@Table(schema = "exchange_wallet", name = "accounts")
@NamedQuery(name = Account.OF_USER, query = "SELECT a FROM Account a WHERE a.userId = :userId ORDER BY a.asset")
@NamedQuery(name = Account.ONE, query = "SELECT a FROM Account a WHERE a.userId = :userId AND a.asset = :asset")
public class Account {
    public static final String OF_USER = "Account.ofUser";
    public static final String ONE = "Account.one";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String asset;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal available;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal frozen;
    @Version
    private long version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private String kind;

    protected Account() {
    }

    public static Account opened(long userId, String asset) {
        Account a = new Account();
        a.userId = userId;
        a.asset = asset;
        a.available = BigDecimal.ZERO;
        a.frozen = BigDecimal.ZERO;
        a.createdAt = Instant.now();
        a.kind = "USER";
        return a;
    }

    /** Applies a change; false (and nothing changed) if a user balance would go below zero. */
    public boolean apply(BigDecimal deltaAvailable, BigDecimal deltaFrozen) {
        BigDecimal newAvailable = available.add(deltaAvailable);
        BigDecimal newFrozen = frozen.add(deltaFrozen);
        if (newFrozen.signum() < 0 || (isUser() && newAvailable.signum() < 0)) {
            return false;
        }
        available = newAvailable;
        frozen = newFrozen;
        return true;
    }

    public boolean isUser() {
        return "USER".equals(kind);
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String asset() {
        return asset;
    }

    public BigDecimal available() {
        return available;
    }

    public BigDecimal frozen() {
        return frozen;
    }
}
