package exchange.api.wallet;

import jakarta.ejb.Local;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A user's deposits with their status and confirmations, newest first. */
@Local
public interface Deposits {
    List<DepositView> history(long userId, String asset, int limit);

    /** status: PENDING, CREDITED, DROPPED (its block left the chain) or BELOW_MINIMUM (never credited). */
    record DepositView(long id, String asset, String network, String address, String txHash, int outputIndex,
                       BigDecimal amount, long blockHeight, int confirmations, String status, Instant createdAt,
                       Instant creditedAt) {
    }
}
