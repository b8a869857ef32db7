package exchange.api.wallet;

import jakarta.ejb.Local;
import java.math.BigDecimal;

/**
 * An operator's audited credit or debit of a user's available balance, against the exchange's
 * adjustment account (real exchanges have this too; tests fund users with it until the chains
 * arrive).
 */
@Local
public interface BalanceAdjustments {
    /**
     * @param amount    positive to credit, negative to debit
     * @param requestId the caller's id for this adjustment: a retry with the same id changes nothing
     */
    AdjustmentView adjust(long userId, String asset, BigDecimal amount, String reason, String operator,
                          String requestId);

    /**
     * The second operator's approval of an adjustment at or above its asset's four-eyes amount:
     * posts it. 409 FOUR_EYES_REQUIRED for the operator who asked for it or one newer than the
     * request; 409 ADJUSTMENT_NOT_PENDING when it is posted already.
     */
    AdjustmentView approve(long adjustmentId, String operator);

    /** Adjustments waiting for a second operator, oldest first. */
    java.util.List<AdjustmentView> pending(int limit);
}
