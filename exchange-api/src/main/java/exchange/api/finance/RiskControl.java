package exchange.api.finance;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Risk control (seed: 风控监控, finance service): rules kept as data, evaluated on withdrawals
 * synchronously (so a hit holds the withdrawal before it can be approved automatically) and on
 * deposits and lock-outs as their events arrive. Every hit is a finding and a RiskTriggered event.
 */
@Local
public interface RiskControl {
    /**
     * What the wallet knows of a withdrawal application: its own tables are the wallet's, the
     * rules are finance's.
     *
     * @param newAddress       the user never withdrew to this address before
     * @param recentWithdrawals when the user's other withdrawals of the last 24 hours were applied for
     */
    record WithdrawalFacts(long withdrawalId, long userId, String asset, BigDecimal amount, String address,
                           boolean newAddress, List<Instant> recentWithdrawals) implements Serializable {
    }

    /** @param hold an operator must review the withdrawal; findings: every rule that hit */
    record Assessment(boolean hold, List<FindingView> findings) implements Serializable {
    }

    /** Evaluated in the caller's transaction: the findings and their events commit with the withdrawal. */
    Assessment assessWithdrawal(WithdrawalFacts facts);

    /** Newest first; userId, subjectType and subjectId narrow it down when given. */
    List<FindingView> findings(Long userId, String subjectType, String subjectId, boolean openOnly, int limit);

    /** An operator looked at it: an open finding no longer holds anything. */
    FindingView clear(long findingId, String operator);

    List<RuleView> rules();

    /** 404 for an unknown rule; the threshold is not negative, the window not negative, action HOLD or ALERT. */
    RuleView updateRule(String code, RuleChange change, String operator);

    record RuleChange(Boolean enabled, BigDecimal threshold, Long windowSeconds, String action) implements Serializable {
    }

    record RuleView(String code, String kind, String description, String asset, BigDecimal threshold, long windowSeconds,
                    String action, boolean enabled, String updatedBy, Instant updatedAt) implements Serializable {
    }

    record FindingView(long id, String ruleCode, long userId, String subjectType, String subjectId, String action,
                       String detail, Instant holdsUntil, String status, String clearedBy, Instant createdAt)
            implements Serializable {
    }
}
