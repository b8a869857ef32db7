package exchange.wallet.adjustment;

import exchange.api.wallet.AccountView;
import exchange.api.wallet.AdjustmentView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** The audit record of an operator's credit or debit: who, why, how much, when. */
@Entity
@Table(schema = "exchange_wallet", name = "adjustments")
public class Adjustment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "request_id", nullable = false, unique = true)
    private String requestId;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String asset;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal amount;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private String operator;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private String status = AdjustmentView.POSTED;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;

    protected Adjustment() {
    }

    Adjustment(String requestId, long userId, String asset, BigDecimal amount, String reason, String operator) {
        this.requestId = requestId;
        this.userId = userId;
        this.asset = asset;
        this.amount = amount;
        this.reason = reason;
        this.operator = operator;
        this.createdAt = Instant.now();
    }

    /** Waits for a second operator before anything is posted. */
    void awaitApproval() {
        this.status = AdjustmentView.PENDING_APPROVAL;
    }

    boolean pending() {
        return AdjustmentView.PENDING_APPROVAL.equals(status);
    }

    /** Approved by a second operator: it is posted next. */
    void approved(String operator) {
        if (!pending()) {
            throw new IllegalStateException("adjustment " + id + " is " + status);
        }
        this.status = AdjustmentView.POSTING;
        this.approvedBy = operator;
        this.approvedAt = Instant.now();
    }

    /** Below the four-eyes amount: posted at once, after this row is committed. */
    void postNow() {
        this.status = AdjustmentView.POSTING;
    }

    boolean posting() {
        return AdjustmentView.POSTING.equals(status);
    }

    /** The engine has it. */
    void posted() {
        if (!posting()) {
            throw new IllegalStateException("adjustment " + id + " is " + status);
        }
        this.status = AdjustmentView.POSTED;
    }

    String operator() {
        return operator;
    }

    Instant createdAt() {
        return createdAt;
    }

    BigDecimal amount() {
        return amount;
    }

    long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String asset() {
        return asset;
    }

    AdjustmentView view(AccountView balance) {
        return new AdjustmentView(id, requestId, userId, asset, amount, reason, operator, createdAt, balance, status, approvedBy);
    }
}
