package exchange.api.finance;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Finance's record of every balance change and of the exchange's fee income. */
@Local
public interface FundFlows {
    /** Newest first; userId and asset narrow it when given. */
    List<Flow> flows(Long userId, String asset, int limit);

    /** Fee income per asset since the start. */
    List<FeeTotal> feeIncome();

    /**
     * Per UTC day of the last {@code days} and asset: the fee income, and the net change of all
     * users' balances (deposits in, withdrawals out, fees taken), oldest first. For charts.
     */
    List<DailyFigure> daily(int days);

    record DailyFigure(java.time.LocalDate day, String asset, BigDecimal feeIncome, BigDecimal balanceChange) implements Serializable {
    }

    record Flow(long id, long userId, String asset, BigDecimal deltaAvailable, BigDecimal deltaFrozen,
                BigDecimal availableAfter, BigDecimal frozenAfter, String businessType, String businessId,
                Instant occurredAt) implements Serializable {
    }

    record FeeTotal(String asset, BigDecimal amount, long trades) implements Serializable {
    }
}
