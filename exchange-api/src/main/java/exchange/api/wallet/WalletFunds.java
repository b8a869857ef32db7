package exchange.api.wallet;

import jakarta.ejb.Local;
import java.math.BigDecimal;

/**
 * Freezing funds for an order or a withdrawal, and releasing them. Runs in the caller's JTA
 * transaction; each call is keyed by (business type, business id), so a repeat changes nothing.
 */
@Local
public interface WalletFunds {
    /** Moves the amount from available to frozen; INSUFFICIENT_BALANCE if available is short. */
    void freeze(long userId, String asset, BigDecimal amount, String businessType, String businessId);

    /** Moves the amount from frozen back to available. */
    void release(long userId, String asset, BigDecimal amount, String businessType, String businessId);
}
