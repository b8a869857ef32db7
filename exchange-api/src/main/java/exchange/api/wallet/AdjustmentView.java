package exchange.api.wallet;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

public record AdjustmentView(long id, String requestId, long userId, String asset, BigDecimal amount, String reason,
                             String operator, Instant createdAt, AccountView balance, String status, String approvedBy)
        implements Serializable {
    /** status: POSTED, or PENDING_APPROVAL (at or above the asset's four-eyes amount: nothing posted yet). */
    public static final String POSTED = "POSTED";
    public static final String PENDING_APPROVAL = "PENDING_APPROVAL";
}
