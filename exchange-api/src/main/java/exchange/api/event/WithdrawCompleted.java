package exchange.api.event;

import java.math.BigDecimal;

/** Seed 3.4: a withdrawal ended: REJECTED (funds unfrozen) now; sent on chain in a later step. */
public record WithdrawCompleted(long withdrawalId, long userId, String asset, BigDecimal amount, String status, String reason)
        implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
