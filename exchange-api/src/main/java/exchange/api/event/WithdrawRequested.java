package exchange.api.event;

import java.math.BigDecimal;

/** Seed 3.4: a user applied for a withdrawal; its amount and fee are frozen. status: PENDING_REVIEW or APPROVED. */
public record WithdrawRequested(long withdrawalId, long userId, String asset, String network, String address,
                                BigDecimal amount, BigDecimal fee, String status) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
