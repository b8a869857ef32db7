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
 * Seed 3.4: one withdrawal, a state machine:
 * <pre>
 * PENDING_REVIEW ──approve──► APPROVED ──sign──► SIGNED ──broadcast──► BROADCAST ──confirmations──► COMPLETED
 *   │  ▲  (APPROVED at once below       │  │           │ refused             │ ▲ │ refused on re-send
 *   │  │   the automatic limit)         │  │           ▼                     │ │ ▼
 *   │  │                                │  │         STUCK ──seen on chain───┘ └─┘
 *   │  │                                │  │           │ old transaction provably dead
 *   │  └───── returned for review ◄─────┼──┼───────────┘  (and: reverted on chain, nothing paid)
 *   └──reject──► REJECTED               │  └─cancel (unsigned only)──► CANCELED (funds unfrozen)
 * </pre>
 * The signed transaction is stored before it is broadcast: every later send is that same
 * transaction. Once signed, a withdrawal is signed again (with another transaction) only after
 * its old one is provably dead: a refusal by our node proves nothing (peers may hold it, or it
 * may be mined already), so a refused one is STUCK, still tracked, never back in the approval queue.
 */
@Entity
@Table(schema = "exchange_wallet", name = "withdrawals")
@NamedQuery(name = Withdrawal.OF_USER, query = "SELECT w FROM Withdrawal w WHERE w.userId = :userId"
        + " AND (:asset IS NULL OR w.asset = :asset) ORDER BY w.id DESC")
@NamedQuery(name = Withdrawal.BY_REQUEST, query = "SELECT w FROM Withdrawal w WHERE w.userId = :userId AND w.requestId = :requestId")
@NamedQuery(name = Withdrawal.PENDING_REVIEW, query = "SELECT w FROM Withdrawal w WHERE w.status = 'PENDING_REVIEW' ORDER BY w.id")
@NamedQuery(name = Withdrawal.TO_SEND, query = "SELECT w.id FROM Withdrawal w WHERE w.chain = :chain AND w.status = :status ORDER BY w.id")
@NamedQuery(name = Withdrawal.QUIET, query = "SELECT w FROM Withdrawal w WHERE w.chain = :chain AND w.status IN :statuses"
        + " AND w.updatedAt < :before ORDER BY w.id")
public class Withdrawal {
    public static final String QUIET = "Withdrawal.quiet";
    public static final String OF_USER = "Withdrawal.ofUser";
    public static final String BY_REQUEST = "Withdrawal.byRequest";
    public static final String PENDING_REVIEW = "Withdrawal.pendingReview";
    public static final String TO_SEND = "Withdrawal.toSend";

    public static final String REVIEW = "PENDING_REVIEW";
    public static final String APPROVED = "APPROVED";
    public static final String SIGNED = "SIGNED";
    public static final String BROADCAST = "BROADCAST";
    public static final String COMPLETED = "COMPLETED";
    public static final String REJECTED = "REJECTED";
    public static final String STUCK = "STUCK";
    public static final String CANCELED = "CANCELED";

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
    @Column(name = "first_approved_by")
    private String firstApprovedBy;
    @Column(name = "first_approved_at")
    private Instant firstApprovedAt;
    private String reason;
    @Column(name = "raw_tx")
    private String rawTx;
    private Long nonce;
    /** Ethereum: the genesis block hash of the chain it was signed for (its nonce is held there only). */
    @Column(name = "chain_genesis")
    private String chainGenesis;
    @Column(name = "block_height")
    private Long blockHeight;
    @Column(nullable = false)
    private int confirmations;
    @Column(nullable = false)
    private int checks;
    @Column(name = "broadcast_at")
    private Instant broadcastAt;
    @Column(name = "completed_at")
    private Instant completedAt;
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
        this.status = autoApproved ? APPROVED : REVIEW;
        this.reviewedBy = autoApproved ? "auto" : null;
        this.requestId = requestId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void reviewed(boolean approve, String operator, String reason) {
        move(REVIEW, approve ? APPROVED : REJECTED);
        this.reviewedBy = operator;
        this.reason = reason;
    }

    /** The first of two approvals: it stays in review until a different operator approves too. */
    void firstApproval(String operator) {
        if (!REVIEW.equals(status) || firstApprovedBy != null) {
            throw new IllegalStateException("withdrawal " + id + " is not waiting for a first approval");
        }
        this.firstApprovedBy = operator;
        this.firstApprovedAt = Instant.now();
        this.updatedAt = firstApprovedAt;
    }

    String firstApprovedBy() {
        return firstApprovedBy;
    }

    void signed(String txHash, String rawTx, Long nonce) {
        signed(txHash, rawTx, nonce, null);
    }

    void signed(String txHash, String rawTx, Long nonce, String chainGenesis) {
        move(APPROVED, SIGNED);
        this.txHash = txHash;
        this.rawTx = rawTx;
        this.nonce = nonce;
        this.chainGenesis = chainGenesis;
        this.confirmations = 0;
        this.blockHeight = null;
    }

    void broadcast() {
        move(SIGNED, BROADCAST);
        this.broadcastAt = updatedAt;
    }

    /** A stuck withdrawal: the height at which the proof of its transaction's death was first seen (null: none yet). */
    Long deathSeenAt() {
        return STUCK.equals(status) ? blockHeight : null;
    }

    void deathSeenAt(Long height) {
        this.blockHeight = height;
    }

    /** One more look at the chain; the count tells a stale timer from the current one. */
    void checked(long blockHeight, int confirmations) {
        this.checks++;
        this.blockHeight = blockHeight < 0 ? null : blockHeight;
        this.confirmations = confirmations;
        this.updatedAt = Instant.now();
    }

    void touched() {
        this.updatedAt = Instant.now();
    }

    void completed() {
        move(BROADCAST, COMPLETED);
        this.completedAt = updatedAt;
    }

    /** Risk rules hit: an operator reviews it, however small it is. */
    void heldByRisk(String why) {
        if (APPROVED.equals(status)) {
            this.status = REVIEW;
            this.reason = why.length() > 255 ? why.substring(0, 255) : why;
            this.updatedAt = Instant.now();
        }
    }

    /**
     * Our node refused its signed transaction: that does not prove the transaction can never be
     * mined, so it is kept (raw transaction, nonce, inputs) and looked at again, not re-approved.
     */
    void stuck(String why) {
        if (!SIGNED.equals(status) && !BROADCAST.equals(status)) {
            throw new IllegalStateException("withdrawal " + id + " is " + status + ", not on its way");
        }
        this.status = STUCK;
        this.reason = why.length() > 255 ? why.substring(0, 255) : why;
        this.updatedAt = Instant.now();
    }

    /** A stuck withdrawal's transaction turned up on the chain after all: tracked as sent again. */
    void resumed() {
        move(STUCK, BROADCAST);
        this.reason = null;
    }

    /** An operator stops an approved withdrawal before it is signed: nothing was ever sent. */
    void canceled(String operator, String why) {
        move(APPROVED, CANCELED);
        this.reviewedBy = operator;
        this.reason = why.length() > 255 ? why.substring(0, 255) : why;
    }

    /**
     * Nothing was paid and nothing can be any more: it failed on the chain (BROADCAST), or its
     * transaction is provably dead (STUCK). An operator decides again.
     */
    void returnedForReview(String why) {
        if (!BROADCAST.equals(status) && !STUCK.equals(status)) {
            throw new IllegalStateException("withdrawal " + id + " is " + status + ", not sent or stuck");
        }
        this.status = REVIEW;
        this.reason = why.length() > 255 ? why.substring(0, 255) : why;
        this.rawTx = null;
        this.updatedAt = Instant.now();
    }

    private void move(String from, String to) {
        if (!from.equals(status)) {
            throw new IllegalStateException("withdrawal " + id + " is " + status + ", not " + from);
        }
        this.status = to;
        this.updatedAt = Instant.now();
    }

    public String chain() {
        return chain;
    }

    public String txHash() {
        return txHash;
    }

    public String rawTx() {
        return rawTx;
    }

    public String chainGenesis() {
        return chainGenesis;
    }

    public Long nonce() {
        return nonce;
    }

    public int checks() {
        return checks;
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
        return new Withdrawals.WithdrawalView(id, userId, asset, network, address, amount, fee, status, reason, firstApprovedBy, txHash,
                confirmations, createdAt, updatedAt);
    }
}
