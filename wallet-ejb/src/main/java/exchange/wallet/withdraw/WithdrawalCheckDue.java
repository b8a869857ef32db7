package exchange.wallet.withdraw;

import exchange.api.event.DomainEvent;
import exchange.api.event.Topics;

/**
 * The wallet's own timer, sent to itself as a delayed message: look at a sent withdrawal on the
 * chain again. {@code check} is the withdrawal's check count when it was set, so a duplicate or
 * stale timer finds the count moved on and does nothing.
 */
public record WithdrawalCheckDue(long withdrawalId, int check) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return Long.toString(withdrawalId);
    }
}
