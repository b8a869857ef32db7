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

/** One user's balance in one asset. Balances change only through journal entries (trading issue). */
@Entity
@Table(schema = "exchange_wallet", name = "accounts")
@NamedQuery(name = Account.OF_USER, query = "SELECT a FROM Account a WHERE a.userId = :userId ORDER BY a.asset")
public class Account {
    public static final String OF_USER = "Account.ofUser";

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

    protected Account() {
    }

    public static Account opened(long userId, String asset) {
        Account a = new Account();
        a.userId = userId;
        a.asset = asset;
        a.available = BigDecimal.ZERO;
        a.frozen = BigDecimal.ZERO;
        a.createdAt = Instant.now();
        return a;
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
