package exchange.trade.market;

import exchange.api.trade.SymbolView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A market: what is traded against what, and the filters every order must pass. */
@Entity
@Table(schema = "exchange_trade", name = "symbols")
public class Symbol {
    @Id
    private String symbol;
    @Column(name = "base_asset", nullable = false)
    private String baseAsset;
    @Column(name = "quote_asset", nullable = false)
    private String quoteAsset;
    @Column(name = "price_tick", nullable = false, precision = 36, scale = 18)
    private BigDecimal priceTick;
    @Column(name = "quantity_step", nullable = false, precision = 36, scale = 18)
    private BigDecimal quantityStep;
    @Column(name = "min_notional", nullable = false, precision = 36, scale = 18)
    private BigDecimal minNotional;
    @Column(name = "maker_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal makerFee;
    @Column(name = "taker_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal takerFee;
    @Column(nullable = false)
    private String status;

    protected Symbol() {
    }

    public Symbol(String symbol, String baseAsset, String quoteAsset, BigDecimal priceTick, BigDecimal quantityStep,
                  BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee) {
        this.symbol = symbol;
        this.baseAsset = baseAsset;
        this.quoteAsset = quoteAsset;
        this.priceTick = priceTick;
        this.quantityStep = quantityStep;
        this.minNotional = minNotional;
        this.makerFee = makerFee;
        this.takerFee = takerFee;
        this.status = "TRADING";
    }

    public void setTrading(boolean trading) {
        this.status = trading ? "TRADING" : "HALTED";
    }

    public String symbol() {
        return symbol;
    }

    public String baseAsset() {
        return baseAsset;
    }

    public String quoteAsset() {
        return quoteAsset;
    }

    public BigDecimal priceTick() {
        return priceTick;
    }

    public BigDecimal quantityStep() {
        return quantityStep;
    }

    public BigDecimal minNotional() {
        return minNotional;
    }

    public BigDecimal makerFee() {
        return makerFee;
    }

    public BigDecimal takerFee() {
        return takerFee;
    }

    public boolean trading() {
        return "TRADING".equals(status);
    }

    public SymbolView view() {
        return new SymbolView(symbol, baseAsset, quoteAsset, priceTick.stripTrailingZeros(),
                quantityStep.stripTrailingZeros(), minNotional.stripTrailingZeros(), status, makerFee.stripTrailingZeros(),
                takerFee.stripTrailingZeros());
    }

    /** Fees and the minimum notional change freely; tick and step do not (resting orders sit on them). */
    public void adjust(BigDecimal newMinNotional, BigDecimal newMakerFee, BigDecimal newTakerFee) {
        if (newMinNotional != null) {
            this.minNotional = newMinNotional;
        }
        if (newMakerFee != null) {
            this.makerFee = newMakerFee;
        }
        if (newTakerFee != null) {
            this.takerFee = newTakerFee;
        }
    }
}
