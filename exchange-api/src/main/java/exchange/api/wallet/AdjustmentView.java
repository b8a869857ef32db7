package exchange.api.wallet;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

public record AdjustmentView(long id, String requestId, long userId, String asset, BigDecimal amount, String reason,
                             String operator, Instant createdAt, AccountView balance) implements Serializable {
}
