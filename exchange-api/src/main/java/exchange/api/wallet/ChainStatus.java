package exchange.api.wallet;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/** How each chain's deposit scanning stands on this server: for operators. */
@Local
public interface ChainStatus {
    List<ChainView> chains();

    /**
     * scanning: the scanner is configured on; nodeDown: its last pass could not reach or use the
     * node (problem says why); height: the last block it processed (-1 before its first pass).
     */
    record ChainView(String chain, boolean scanning, boolean nodeDown, long height, String problem, Instant lastPassAt) {
    }
}
