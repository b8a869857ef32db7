package exchange.api.trade;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The engine's order book, aggregated per price level: what traders see as "depth". */
@Local
public interface OrderBookDepth {
    /** Up to {@code limit} levels per side, best first; UNKNOWN_SYMBOL if the symbol is not listed. */
    Depth depth(String symbol, int limit);

    record Level(BigDecimal price, BigDecimal quantity, int orders) implements Serializable {
    }

    /** @param sequence the engine results this view includes: a newer view has a larger one */
    record Depth(String symbol, long sequence, List<Level> bids, List<Level> asks) implements Serializable {
    }
}
