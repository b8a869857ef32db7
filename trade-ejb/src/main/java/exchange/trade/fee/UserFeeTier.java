package exchange.trade.fee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "exchange_trade", name = "user_fee_tiers")
public class UserFeeTier {
    @Id
    @Column(name = "user_id")
    private long userId;
    @Column(nullable = false)
    private String tier;

    protected UserFeeTier() {
    }

    UserFeeTier(long userId, String tier) {
        this.userId = userId;
        this.tier = tier;
    }

    void setTier(String tier) {
        this.tier = tier;
    }

    public String tier() {
        return tier;
    }
}
