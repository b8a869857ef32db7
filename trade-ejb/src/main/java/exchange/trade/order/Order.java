package exchange.trade.order;

import exchange.api.trade.OrderView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order and its life: NEW, PARTIALLY_FILLED, then FILLED, CANCELED, EXPIRED or REJECTED. It
 * remembers what was frozen for it, so the unused part can be released when it ends.
 */
@Entity
@Table(schema = "exchange_trade", name = "orders")
public class Order {
    public static final String NEW = "NEW";
    public static final String PARTIALLY_FILLED = "PARTIALLY_FILLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(name = "client_order_id", nullable = false)
    private String clientOrderId;
    @Column(nullable = false)
    private String symbol;
    @Column(nullable = false)
    private String side;
    @Column(nullable = false)
    private String type;
    @Column(name = "time_in_force", nullable = false)
    private String timeInForce;
    @Column(nullable = false)
    private String stp;
    @Column(precision = 36, scale = 18)
    private BigDecimal price;
    @Column(precision = 36, scale = 18)
    private BigDecimal quantity;
    @Column(name = "quote_quantity", precision = 36, scale = 18)
    private BigDecimal quoteQuantity;
    @Column(name = "frozen_asset", nullable = false)
    private String frozenAsset;
    @Column(name = "frozen_amount", nullable = false, precision = 36, scale = 18)
    private BigDecimal frozenAmount;
    @Column(name = "executed_qty", nullable = false, precision = 36, scale = 18)
    private BigDecimal executedQuantity;
    @Column(name = "cumulative_quote", nullable = false, precision = 36, scale = 18)
    private BigDecimal cumulativeQuote;
    @Column(nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Order() {
    }

    Order(long userId, String clientOrderId, ValidOrder o) {
        this.userId = userId;
        this.clientOrderId = clientOrderId;
        this.symbol = o.symbol();
        this.side = o.side();
        this.type = o.type();
        this.timeInForce = o.timeInForce();
        this.stp = o.selfTradePrevention();
        this.price = o.price();
        this.quantity = o.quantity();
        this.quoteQuantity = o.quoteQuantity();
        this.frozenAsset = o.frozenAsset();
        this.frozenAmount = o.frozenAmount();
        this.executedQuantity = BigDecimal.ZERO;
        this.cumulativeQuote = BigDecimal.ZERO;
        this.status = NEW;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public boolean isOpen() {
        return NEW.equals(status) || PARTIALLY_FILLED.equals(status);
    }

    public boolean isBuy() {
        return "BUY".equals(side);
    }

    /** A fill of this order: what it bought or sold and for how much quote. */
    public void fill(BigDecimal qty, BigDecimal quote) {
        executedQuantity = executedQuantity.add(qty);
        cumulativeQuote = cumulativeQuote.add(quote);
        if (isOpen()) {
            status = PARTIALLY_FILLED;
        }
        updatedAt = Instant.now();
    }

    /** The order ended; returns what is still frozen for it, to be released. */
    public BigDecimal finish(String finalStatus) {
        status = finalStatus;
        updatedAt = Instant.now();
        BigDecimal used = isBuy() ? cumulativeQuote : executedQuantity;
        return frozenAmount.subtract(used);
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String symbol() {
        return symbol;
    }

    public String frozenAsset() {
        return frozenAsset;
    }

    public String status() {
        return status;
    }

    public OrderView view() {
        return new OrderView(id, clientOrderId, symbol, side, type, timeInForce, price, quantity, quoteQuantity,
                executedQuantity, cumulativeQuote, status, stp, createdAt, updatedAt);
    }
}
