package exchange.api.wallet;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

public record AdjustmentView(long id, String requestId, long userId, String asset, BigDecimal amount, String reason,
                             String operator, Instant createdAt, AccountView balance, String status, String approvedBy)
        implements Serializable {
    /**
     * status: POSTED; PENDING_APPROVAL (at or above the asset's four-eyes amount: nothing posted
     * yet); or POSTING (recorded and handed to the engine, its answer not yet noted).
     */
    public static final String POSTED = "POSTED";
    public static final String POSTING = "POSTING";
    public static final String PENDING_APPROVAL = "PENDING_APPROVAL";
}
