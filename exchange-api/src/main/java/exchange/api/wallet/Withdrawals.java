package exchange.api.wallet;

import jakarta.ejb.Local;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Seed 3.4 (提现): applying for withdrawals, their review, and the user's history. */
@Local
public interface Withdrawals {
    WithdrawalView apply(long userId, WithdrawRequest request);

    /**
     * The same application made with an API key holding the WITHDRAW permission: such a key is
     * granted under a fresh second-factor code and only with an IP whitelist, so it stands in for
     * the code (as on Binance). Every other check applies.
     */
    WithdrawalView applyWithApiKey(long userId, WithdrawRequest request);

    List<WithdrawalView> history(long userId, String asset, int limit);

    /** Operators: what waits for review, oldest first. */
    List<WithdrawalView> pendingReview(int limit);

    /**
     * Operators: approve or reject (with a reason) a withdrawal that waits for review. One of at
     * least its network's four-eyes amount needs two approvals by different operators: the first
     * leaves it in review (firstApprovedBy), the same operator again is 409 FOUR_EYES_REQUIRED.
     */
    WithdrawalView review(long withdrawalId, boolean approve, String operator, String reason);

    /** Operators: withdrawals whose signed transaction our node refused and that are not provably dead, oldest first. */
    List<WithdrawalView> stuck(int limit);

    /** Operators: approved withdrawals not yet signed, oldest first. */
    List<WithdrawalView> approved(int limit);

    /** Operators: stops an approved withdrawal that is not signed yet (409 otherwise) and releases its funds; a reason is required. */
    WithdrawalView cancelApproved(long withdrawalId, String operator, String reason);

    /** totpCode: required when the user has two-factor authentication on. */
    record WithdrawRequest(String asset, String network, String address, BigDecimal amount, String requestId, String totpCode) {
    }

    /**
     * status: PENDING_REVIEW, APPROVED (to be signed), SIGNED, BROADCAST (on its way; confirmations
     * counts them), STUCK (refused by our node, watched until it is mined or provably dead),
     * COMPLETED, REJECTED, CANCELED (stopped by an operator before it was signed).
     */
    record WithdrawalView(long id, long userId, String asset, String network, String address, BigDecimal amount, BigDecimal fee,
                          String status, String reason, String firstApprovedBy, String txHash, int confirmations, Instant createdAt, Instant updatedAt) {
    }
}
