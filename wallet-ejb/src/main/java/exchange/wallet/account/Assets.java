package exchange.wallet.account;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;

/** Which assets exist and what a valid amount of each looks like. */
@Stateless
public class Assets {
    /** Below DECIMAL(36,18)'s 18 integer digits, with room for sums. */
    private static final BigDecimal MAX = new BigDecimal("1e15");

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    public Asset require(String code) {
        Asset asset = code == null ? null : em.find(Asset.class, code);
        if (asset == null || !asset.enabled()) {
            throw new BusinessException(ErrorCode.UNKNOWN_ASSET, "Unknown or disabled asset: " + code);
        }
        return asset;
    }

    /**
     * A non-zero amount within range with no more decimals than the asset's smallest unit on its
     * chain: what moves in and out of the exchange.
     */
    public void checkAmount(String code, BigDecimal amount) {
        checkAmount(code, amount, require(code).scale());
    }

    private void checkAmount(String code, BigDecimal amount, int maxScale) {
        require(code);
        if (amount == null || amount.signum() == 0 || amount.abs().compareTo(MAX) >= 0
                || amount.stripTrailingZeros().scale() > maxScale) {
            throw new BusinessException(ErrorCode.INVALID_AMOUNT,
                    "Amount must be non-zero, below 1e15 and have at most " + maxScale + " decimals for " + code + ".");
        }
    }
}
