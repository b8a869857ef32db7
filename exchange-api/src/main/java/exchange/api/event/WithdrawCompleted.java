package exchange.api.event;

import java.math.BigDecimal;

/**
 * Seed 3.4: a withdrawal ended. COMPLETED: sent on chain in {@code txHash} with its confirmations,
 * the frozen amount and fee debited; REJECTED: by an operator, funds unfrozen.
 */
public record WithdrawCompleted(long withdrawalId, long userId, String asset, BigDecimal amount, String status, String reason,
                                String txHash) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
