package exchange.wallet.deposit;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
    @Column(name = "withdraw_fee", nullable = false, precision = 36, scale = 18)
    private BigDecimal withdrawFee;
    @Column(name = "min_withdraw", nullable = false, precision = 36, scale = 18)
    private BigDecimal minWithdraw;
    @Column(name = "auto_approve_max", nullable = false, precision = 36, scale = 18)
    private BigDecimal autoApproveMax;
    @Column(name = "four_eyes_above", nullable = false, precision = 36, scale = 18)
    private BigDecimal fourEyesAbove;

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

    public BigDecimal withdrawFee() {
        return withdrawFee;
    }

    public BigDecimal minWithdraw() {
        return minWithdraw;
    }

    /** From this amount on, two different operators approve (zero: never). */
    public BigDecimal fourEyesAbove() {
        return fourEyesAbove;
    }

    public BigDecimal autoApproveMax() {
        return autoApproveMax;
    }

    /** The asset on the named network, or on its only network when none is named; 400 otherwise. */
    public static AssetNetwork resolve(EntityManager em, String asset, String network) {
        if (asset == null || asset.isBlank()) {
            throw new BusinessException(ErrorCode.UNKNOWN_ASSET, "asset is required");
        }
        List<AssetNetwork> networks = em.createNamedQuery(OF_ASSET, AssetNetwork.class)
                .setParameter("asset", asset.trim().toUpperCase(Locale.ROOT)).getResultList();
        if (networks.isEmpty()) {
            throw new BusinessException(ErrorCode.UNKNOWN_ASSET, "No asset " + asset + " on any network.");
        }
        if (network == null || network.isBlank()) {
            if (networks.size() > 1) {
                throw new BusinessException(ErrorCode.UNKNOWN_NETWORK, "network is required for " + asset);
            }
            return networks.get(0);
        }
        return networks.stream().filter(n -> n.network().equalsIgnoreCase(network.trim())).findFirst()
                .orElseThrow(() -> new BusinessException(ErrorCode.UNKNOWN_NETWORK, asset + " does not move on " + network + "."));
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
