package exchange.api.trade;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.util.List;

/** What the matching engine holds right now, per symbol: operations' view and recovery checks. */
@Local
public interface EngineStatus {
    List<Book> books();

    /**
     * @param sequence  results produced so far (replays count again from 1)
     * @param stateHash hash of every resting order in priority order: equal books, equal hashes
     */
    record Book(String symbol, long sequence, long stateHash, int restingOrders) implements Serializable {
    }
}
