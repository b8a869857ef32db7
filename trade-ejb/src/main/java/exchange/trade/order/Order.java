package exchange.trade.order;

import exchange.api.engine.EngineResults;
import exchange.api.trade.OrderView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order and its life: NEW, PARTIALLY_FILLED, then FILLED, CANCELED, EXPIRED or REJECTED, as the
 * matching engine's results say (this row is a projection of the engine, which owns books and
 * balances). Its id is the engine's order id; it remembers what the engine held for it.
 */
@Entity
@Table(schema = "exchange_trade", name = "orders")
public class Order {
    public static final String NEW = "NEW";
    public static final String PARTIALLY_FILLED = "PARTIALLY_FILLED";

    /** The engine's order id (assigned, not generated: the column's AUTO_INCREMENT takes explicit ids). */
    @Id
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

    private Order(EngineResults.Placed p, Instant time) {
        this.id = p.orderId();
        this.userId = p.userId();
        this.clientOrderId = p.clientOrderId() != null ? p.clientOrderId() : "engine-" + p.orderId();
        this.symbol = p.symbol();
        this.side = p.side();
        this.type = p.type();
        this.timeInForce = p.timeInForce() != null ? p.timeInForce() : "MARKET".equals(p.type()) ? "IOC" : "GTC";
        this.stp = p.selfTradePrevention() != null ? p.selfTradePrevention() : "EXPIRE_TAKER";
        this.price = p.price();
        this.quantity = p.quantity();
        this.quoteQuantity = p.quoteQuantity();
        this.frozenAsset = p.heldAsset();
        this.frozenAmount = p.held() != null ? p.held() : BigDecimal.ZERO;
        this.executedQuantity = BigDecimal.ZERO;
        this.cumulativeQuote = BigDecimal.ZERO;
        this.status = NEW;
        this.createdAt = time;
        this.updatedAt = time;
    }

    /** An order the engine accepted, at the time of the engine's journal entry. */
    public static Order placed(EngineResults.Placed p, Instant time) {
        return new Order(p, time);
    }

    public boolean isOpen() {
        return NEW.equals(status) || PARTIALLY_FILLED.equals(status);
    }

    public boolean isBuy() {
        return "BUY".equals(side);
    }

    /** A fill of this order: what it bought or sold and for how much quote, at the engine's time. */
    public void fill(BigDecimal qty, BigDecimal quote, Instant time) {
        executedQuantity = executedQuantity.add(qty);
        cumulativeQuote = cumulativeQuote.add(quote);
        if (isOpen()) {
            status = PARTIALLY_FILLED;
        }
        updatedAt = time;
    }

    /** The order left the book (FILLED, CANCELED, EXPIRED or REJECTED); the engine released what it held. */
    public void finish(String finalStatus, Instant time) {
        status = finalStatus;
        updatedAt = time;
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

    public BigDecimal executedQuantity() {
        return executedQuantity;
    }

    public BigDecimal cumulativeQuote() {
        return cumulativeQuote;
    }

    public OrderView view() {
        return new OrderView(id, clientOrderId, symbol, side, type, timeInForce, price, quantity, quoteQuantity,
                executedQuantity, cumulativeQuote, status, stp, createdAt, updatedAt);
    }
}
