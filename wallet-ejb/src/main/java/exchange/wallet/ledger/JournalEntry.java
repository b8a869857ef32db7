package exchange.wallet.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One change of one account, with the business step that made it and the balance after it. */
@Entity
@Table(schema = "exchange_wallet", name = "balance_journal")
public class JournalEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "account_id", nullable = false)
    private long accountId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String asset;
    @Column(name = "delta_available", nullable = false, precision = 36, scale = 18)
    private BigDecimal deltaAvailable;
    @Column(name = "delta_frozen", nullable = false, precision = 36, scale = 18)
    private BigDecimal deltaFrozen;
    @Column(name = "available_after", nullable = false, precision = 36, scale = 18)
    private BigDecimal availableAfter;
    @Column(name = "frozen_after", nullable = false, precision = 36, scale = 18)
    private BigDecimal frozenAfter;
    @Column(name = "biz_type", nullable = false)
    private String businessType;
    @Column(name = "biz_id", nullable = false)
    private String businessId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JournalEntry() {
    }

    JournalEntry(long accountId, long userId, String asset, BigDecimal deltaAvailable, BigDecimal deltaFrozen,
                 BigDecimal availableAfter, BigDecimal frozenAfter, String businessType, String businessId) {
        this.accountId = accountId;
        this.userId = userId;
        this.asset = asset;
        this.deltaAvailable = deltaAvailable;
        this.deltaFrozen = deltaFrozen;
        this.availableAfter = availableAfter;
        this.frozenAfter = frozenAfter;
        this.businessType = businessType;
        this.businessId = businessId;
        this.createdAt = Instant.now();
    }
}
