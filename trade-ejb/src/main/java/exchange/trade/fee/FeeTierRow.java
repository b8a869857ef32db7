package exchange.trade.fee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(schema = "exchange_trade", name = "fee_tiers")
public class FeeTierRow {
    @Id
    private String tier;
    @Column(name = "maker_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal makerFee;
    @Column(name = "taker_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal takerFee;

    protected FeeTierRow() {
    }

    FeeTierRow(String tier, BigDecimal makerFee, BigDecimal takerFee) {
        this.tier = tier;
        set(makerFee, takerFee);
    }

    void set(BigDecimal makerFee, BigDecimal takerFee) {
        this.makerFee = makerFee;
        this.takerFee = takerFee;
    }

    public String tier() {
        return tier;
    }

    public BigDecimal makerFee() {
        return makerFee;
    }

    public BigDecimal takerFee() {
        return takerFee;
    }
}
