package exchange.api.trade;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.util.List;

/** What the matching engine holds right now, per symbol: operations' view and recovery checks. */
@Local
public interface EngineStatus {
    List<Book> books();

    /** How the engine started: from which snapshot, and how many commands it has applied since. */
    Recovery recovery();

    /**
     * How far the engine has got, without {@link Recovery#stateHash()}: hashing every book and
     * balance runs on the engine thread, so a monitor that polls often must not ask for it.
     */
    Progress progress();

    /**
     * This instance's part in the cluster: {@code leader} (its engine takes commands),
     * {@code standby} (it follows the leader's journal, ready to take over), {@code starting}, or
     * {@code deposed} (another engine took over while this one still ran), {@code failed} (a takeover
     * failed: restart the instance).
     */
    String role();

    /**
     * Whether this instance takes traders: its engine leads, or it stands by while another live
     * member of the grid leads (its engine calls are forwarded there). The load balancer's check.
     */
    boolean serves();

    /** When this instance's engine took the lead (epoch milliseconds), or 0 while it does not lead. */
    long leadingSince();

    /** @param commandsApplied commands reflected now, snapshot included; @param journalPosition the journal offset after them */
    record Progress(long commandsApplied, long journalPosition) implements Serializable {
    }

    /**
     * @param sequence  results produced so far (replays count again from 1)
     * @param stateHash hash of every resting order in priority order: equal books, equal hashes
     */
    record Book(String symbol, long sequence, long stateHash, int restingOrders) implements Serializable {
    }

    /**
     * @param snapshotId         the snapshot the engine started from, 0 if it replayed the whole journal
     * @param commandsInSnapshot commands the snapshot reflected
     * @param commandsApplied    commands reflected now, snapshot included
     * @param journalPosition    the journal position after the last entry applied
     * @param stateHash          the engine's whole state (books, balances, limits) hashed: what
     *                           {@code ./exchange replay until=journalPosition} prints too
     */
    record Recovery(long snapshotId, java.time.Instant snapshotTakenAt, long commandsInSnapshot, long commandsApplied,
                    long journalPosition, long stateHash) implements Serializable {
    }
}
