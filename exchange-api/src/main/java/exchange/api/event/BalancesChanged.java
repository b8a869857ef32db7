package exchange.api.event;

import java.util.List;

/**
 * The users' balance changes the wallet posted from one stretch of the matching engine's journal
 * (commands {@code fromSequence} up to {@code toSequence}, exclusive), in posting order: one
 * message for all of them, so that a trade does not cost the broker and every consumer one
 * message (and one transaction) per leg. Each change reads as an {@link AssetChanged}.
 */
public record BalancesChanged(long fromSequence, long toSequence, List<AssetChanged> changes) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.WALLET;
    }

    @Override
    public String key() {
        return "engine-" + fromSequence;
    }
}
