package exchange.wallet.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** An asset on one network: which chain family's addresses it uses and when a deposit is final. */
@Entity
@Table(schema = "exchange_wallet", name = "asset_networks")
@IdClass(AssetNetwork.Key.class)
@NamedQuery(name = AssetNetwork.OF_ASSET, query = "SELECT n FROM AssetNetwork n WHERE n.asset = :asset ORDER BY n.network")
public class AssetNetwork {
    public static final String OF_ASSET = "AssetNetwork.ofAsset";

    @Id
    private String asset;
    @Id
    private String network;
    @Column(nullable = false)
    private String chain;
    @Column(nullable = false)
    private int confirmations;
    @Column(name = "min_deposit", nullable = false, precision = 36, scale = 18)
    private BigDecimal minDeposit;

    protected AssetNetwork() {
    }

    public String asset() {
        return asset;
    }

    public String network() {
        return network;
    }

    public String chain() {
        return chain;
    }

    public int confirmations() {
        return confirmations;
    }

    public BigDecimal minDeposit() {
        return minDeposit;
    }

    public static class Key implements Serializable {
        private String asset;
        private String network;

        public Key() {
        }

        public Key(String asset, String network) {
            this.asset = asset;
            this.network = network;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(asset, k.asset) && Objects.equals(network, k.network);
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, network);
        }
    }
}
