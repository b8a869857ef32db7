package exchange.wallet.withdraw;

import exchange.api.wallet.WithdrawWhitelist;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One address of a user's withdrawal whitelist, in the form withdrawals use it (checksummed). */
@Entity
@Table(schema = "exchange_wallet", name = "withdraw_whitelist")
@NamedQuery(name = WhitelistEntry.OF_USER, query = "SELECT e FROM WhitelistEntry e WHERE e.userId = :userId ORDER BY e.id")
@NamedQuery(name = WhitelistEntry.FIND, query = "SELECT e FROM WhitelistEntry e WHERE e.userId = :userId AND e.chain = :chain"
        + " AND e.address = :address")
public class WhitelistEntry {
    static final String OF_USER = "WhitelistEntry.ofUser";
    static final String FIND = "WhitelistEntry.find";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String chain;
    @Column(nullable = false)
    private String address;
    private String label;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WhitelistEntry() {
    }

    WhitelistEntry(long userId, String chain, String address, String label) {
        this.userId = userId;
        this.chain = chain;
        this.address = address;
        this.label = label;
        this.createdAt = Instant.now();
    }

    long userId() {
        return userId;
    }

    WithdrawWhitelist.Entry view() {
        return new WithdrawWhitelist.Entry(id, chain, address, label, createdAt);
    }
}
