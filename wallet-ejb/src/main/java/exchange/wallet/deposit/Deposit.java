package exchange.wallet.deposit;

import exchange.api.wallet.Deposits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One payment to a deposit address, keyed by (chain, transaction, output or log index). */
@Entity
@Table(schema = "exchange_wallet", name = "deposits")
@NamedQuery(name = Deposit.BY_OUTPUT, query = "SELECT d FROM Deposit d WHERE d.chain = :chain AND d.txHash = :tx AND d.outputIndex = :index")
@NamedQuery(name = Deposit.PENDING, query = "SELECT d FROM Deposit d WHERE d.chain = :chain AND d.status = 'PENDING' ORDER BY d.id")
@NamedQuery(name = Deposit.ABOVE, query = "SELECT d FROM Deposit d WHERE d.chain = :chain AND d.blockHeight > :height"
        + " AND d.status IN ('PENDING', 'BELOW_MINIMUM', 'CREDITED')")
@NamedQuery(name = Deposit.OF_USER, query = "SELECT d FROM Deposit d WHERE d.userId = :userId"
        + " AND (:asset IS NULL OR d.asset = :asset) ORDER BY d.id DESC")
public class Deposit {
    public static final String BY_OUTPUT = "Deposit.byOutput";
    public static final String PENDING = "Deposit.pending";
    public static final String ABOVE = "Deposit.above";
    public static final String OF_USER = "Deposit.ofUser";

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
    @Column(name = "tx_hash", nullable = false)
    private String txHash;
    @Column(name = "output_index", nullable = false)
    private int outputIndex;
    @Column(nullable = false)
    private String address;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal amount;
    @Column(name = "block_height", nullable = false)
    private long blockHeight;
    @Column(name = "block_hash", nullable = false)
    private String blockHash;
    @Column(nullable = false)
    private int confirmations;
    @Column(nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "credited_at")
    private Instant creditedAt;

    protected Deposit() {
    }

    Deposit(long userId, AssetNetwork where, String txHash, int outputIndex, String address, BigDecimal amount,
            long blockHeight, String blockHash) {
        this.userId = userId;
        this.asset = where.asset();
        this.network = where.network();
        this.chain = where.chain();
        this.txHash = txHash;
        this.outputIndex = outputIndex;
        this.address = address;
        this.amount = amount;
        this.blockHeight = blockHeight;
        this.blockHash = blockHash;
        this.confirmations = 0;
        this.status = amount.compareTo(where.minDeposit()) < 0 ? "BELOW_MINIMUM" : "PENDING";
        this.createdAt = Instant.now();
    }

    /** Seen again in a block after a reorg dropped it: pending again, at its new place. */
    void reappeared(long height, String hash, AssetNetwork where) {
        if ("DROPPED".equals(status)) {
            blockHeight = height;
            blockHash = hash;
            confirmations = 0;
            status = amount.compareTo(where.minDeposit()) < 0 ? "BELOW_MINIMUM" : "PENDING";
        }
    }

    void dropped() {
        status = "DROPPED";
        confirmations = 0;
    }

    void confirmedBy(int confirmations) {
        this.confirmations = confirmations;
    }

    void credited() {
        status = "CREDITED";
        creditedAt = Instant.now();
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

    public String network() {
        return network;
    }

    public String txHash() {
        return txHash;
    }

    public int outputIndex() {
        return outputIndex;
    }

    public BigDecimal amount() {
        return amount;
    }

    public long blockHeight() {
        return blockHeight;
    }

    public int confirmations() {
        return confirmations;
    }

    public String status() {
        return status;
    }

    public Deposits.DepositView view() {
        return new Deposits.DepositView(id, asset, network, address, txHash, outputIndex, amount, blockHeight, confirmations,
                status, createdAt, creditedAt);
    }
}
