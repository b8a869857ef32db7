package exchange.api.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * The price levels one symbol's commands {@code firstSequence..lastSequence} changed (seed:
 * 深度更新). A level with quantity zero is gone. Each update starts where the previous one ended
 * (commands that changed no level ride along with the next update). A client that holds the
 * depth at sequence S applies every update whose lastSequence is above S, in order, and has the
 * book again; quantities are absolute, so an update overlapping S is safe to apply.
 */
public record DepthUpdated(String symbol, long firstSequence, long lastSequence, List<Level> bids, List<Level> asks)
        implements DomainEvent {

    public record Level(BigDecimal price, BigDecimal quantity) {
    }

    @Override
    public String topic() {
        return Topics.MATCH;
    }

    @Override
    public String key() {
        return symbol;
    }
}
