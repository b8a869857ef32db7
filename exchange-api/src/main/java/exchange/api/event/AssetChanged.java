package exchange.api.event;

import java.math.BigDecimal;

/** A user's balance in one asset changed: by how much, to what, and which business step did it. */
public record AssetChanged(long userId, String asset, BigDecimal deltaAvailable, BigDecimal deltaFrozen,
                           BigDecimal available, BigDecimal frozen, String businessType, String businessId)
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
