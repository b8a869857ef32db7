package exchange.wallet.withdraw;

import exchange.api.wallet.Withdrawals;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Seed 3.4: one withdrawal. States so far: PENDING_REVIEW → APPROVED | REJECTED, or APPROVED at
 * once below the automatic limit. Signing, broadcast and confirmation come next.
 */
@Entity
@Table(schema = "exchange_wallet", name = "withdrawals")
@NamedQuery(name = Withdrawal.OF_USER, query = "SELECT w FROM Withdrawal w WHERE w.userId = :userId"
        + " AND (:asset IS NULL OR w.asset = :asset) ORDER BY w.id DESC")
@NamedQuery(name = Withdrawal.BY_REQUEST, query = "SELECT w FROM Withdrawal w WHERE w.userId = :userId AND w.requestId = :requestId")
@NamedQuery(name = Withdrawal.PENDING_REVIEW, query = "SELECT w FROM Withdrawal w WHERE w.status = 'PENDING_REVIEW' ORDER BY w.id")
public class Withdrawal {
    public static final String OF_USER = "Withdrawal.ofUser";
    public static final String BY_REQUEST = "Withdrawal.byRequest";
    public static final String PENDING_REVIEW = "Withdrawal.pendingReview";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String asset;
    @Column(nullable = false)
    private String network;
    @Column(nullable = false)
    private String chain;
    @Column(nullable = false)
    private String address;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal amount;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal fee;
    @Column(nullable = false)
    private String status;
    @Column(name = "request_id")
    private String requestId;
    @Column(name = "tx_hash")
    private String txHash;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    private String reason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Withdrawal() {
    }

    Withdrawal(long userId, String asset, String network, String chain, String address, BigDecimal amount, BigDecimal fee,
               boolean autoApproved, String requestId) {
        this.userId = userId;
        this.asset = asset;
        this.network = network;
        this.chain = chain;
        this.address = address;
        this.amount = amount;
        this.fee = fee;
        this.status = autoApproved ? "APPROVED" : "PENDING_REVIEW";
        this.reviewedBy = autoApproved ? "auto" : null;
        this.requestId = requestId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void reviewed(boolean approve, String operator, String reason) {
        this.status = approve ? "APPROVED" : "REJECTED";
        this.reviewedBy = operator;
        this.reason = reason;
        this.updatedAt = Instant.now();
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

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal fee() {
        return fee;
    }

    public String status() {
        return status;
    }

    public String address() {
        return address;
    }

    public String network() {
        return network;
    }

    public Withdrawals.WithdrawalView view() {
        return new Withdrawals.WithdrawalView(id, userId, asset, network, address, amount, fee, status, reason, txHash,
                createdAt, updatedAt);
    }
}
