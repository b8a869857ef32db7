package exchange.wallet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An asset the exchange holds for users; scale is its smallest unit (8 for BTC, 18 for ETH). */
@Entity
@Table(schema = "exchange_wallet", name = "assets")
@NamedQuery(name = Asset.ENABLED, query = "SELECT a FROM Asset a WHERE a.enabled = TRUE ORDER BY a.code")
public class Asset {
    public static final String ENABLED = "Asset.enabled";

    @Id
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private int scale;
    @Column(nullable = false)
    private boolean enabled;

    protected Asset() {
    }

    public String code() {
        return code;
    }

    public int scale() {
        return scale;
    }

    public boolean enabled() {
        return enabled;
    }
}
