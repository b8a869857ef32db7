package exchange.api.event;

import java.math.BigDecimal;

/** Seed 3.2: a deposit reached its asset's confirmations and was credited to the user. */
public record DepositConfirmed(long depositId, long userId, String asset, String network, String txHash, int outputIndex,
                               BigDecimal amount, long blockHeight, int confirmations) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
