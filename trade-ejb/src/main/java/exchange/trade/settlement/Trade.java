package exchange.trade.settlement;

import exchange.api.trade.TradeView;
import exchange.trade.market.Symbol;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One fill between a buy and a sell order, identified by the engine result that made it and its index there. */
@Entity
@Table(schema = "exchange_trade", name = "trades")
public class Trade {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String symbol;
    @Column(name = "trade_id")
    private Long tradeId;
    @Column(name = "match_event_id", nullable = false)
    private String matchEventId;
    @Column(name = "match_sequence", nullable = false)
    private long matchSequence;
    @Column(name = "fill_index", nullable = false)
    private int fillIndex;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal price;
    @Column(nullable = false, precision = 36, scale = 18)
    private BigDecimal quantity;
    @Column(name = "quote_quantity", nullable = false, precision = 36, scale = 18)
    private BigDecimal quoteQuantity;
    @Column(name = "buy_order_id", nullable = false)
    private long buyOrderId;
    @Column(name = "sell_order_id", nullable = false)
    private long sellOrderId;
    @Column(name = "buyer_id", nullable = false)
    private long buyerId;
    @Column(name = "seller_id", nullable = false)
    private long sellerId;
    @Column(name = "taker_side", nullable = false)
    private String takerSide;
    @Column(name = "buyer_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal buyerFee;
    @Column(name = "seller_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal sellerFee;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Trade() {
    }

    Trade(String symbol, long tradeId, Instant time, String matchEventId, long matchSequence, int fillIndex, BigDecimal price, BigDecimal quantity, long buyOrderId,
          long sellOrderId, long buyerId, long sellerId, String takerSide, BigDecimal buyerFee, BigDecimal sellerFee) {
        this.symbol = symbol;
        this.tradeId = tradeId;
        this.matchEventId = matchEventId;
        this.matchSequence = matchSequence;
        this.fillIndex = fillIndex;
        this.price = price;
        this.quantity = quantity;
        this.quoteQuantity = price.multiply(quantity);
        this.buyOrderId = buyOrderId;
        this.sellOrderId = sellOrderId;
        this.buyerId = buyerId;
        this.sellerId = sellerId;
        this.takerSide = takerSide;
        this.buyerFee = buyerFee;
        this.sellerFee = sellerFee;
        this.createdAt = time;
    }

    long id() {
        return id;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * The trade as each of its sides sees it (both, for a self-trade): the buyer paid its fee in
     * the base asset it received, the seller in the quote asset.
     */
    public List<TradeView> viewsFor(long userId, Symbol market) {
        List<TradeView> views = new ArrayList<>(2);
        if (buyerId == userId) {
            views.add(new TradeView(id, symbol, buyOrderId, "BUY", price, quantity, quoteQuantity, buyerFee,
                    market.baseAsset(), "SELL".equals(takerSide), createdAt));
        }
        if (sellerId == userId) {
            views.add(new TradeView(id, symbol, sellOrderId, "SELL", price, quantity, quoteQuantity, sellerFee,
                    market.quoteAsset(), "BUY".equals(takerSide), createdAt));
        }
        return views;
    }
}
