package exchange.trade.marketdata;

import exchange.api.persistence.ReplicaState;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * Where market-data history is read (trades, candles): reads that tolerate lag go to the database's
 * replica (seed: 读写分离) while it replicates and is at most
 * {@code exchange.db.replica.max-lag-seconds} behind, else to the primary. The replica's state is
 * asked at most once a second, not per read; a replica that fails a read is left for that second.
 * On the single node {@code jdbc/exchange-replica} names the one database, which is no replica:
 * reads stay on the primary.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Outside any transaction: a read needs none, and a replica connection enlisted in the caller's
// JTA transaction then failing left that transaction unable to take the primary's connection.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryReads {
    private static final long RECHECK_NANOS = 1_000_000_000L;

    @Resource(lookup = "jdbc/exchange-replica")
    private DataSource replica;
    @Resource(lookup = "jdbc/exchange")
    private DataSource primary;
    @Inject
    @ConfigProperty(name = "exchange.db.replica.max-lag-seconds", defaultValue = "5")
    private long maxLagSeconds;

    private volatile ReplicaState state = new ReplicaState(false, -1, "not asked yet");
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

    /** Work on one connection; run again from the start on the primary when the replica fails it. */
    public interface Read<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * A lag-tolerant read: on the replica when it serves, else on the primary. A replica that fails
     * it (down since it was last asked: the pool may still hold its connections) is left until asked
     * again, and the read runs on the primary, so the caller sees no error.
     */
    public <T> T read(Read<T> read) throws SQLException {
        if (current().serves(maxLagSeconds)) {
            try (Connection c = replica.getConnection()) {
                return read.on(c);
            } catch (SQLException e) {
                state = new ReplicaState(false, -1, "unreachable: " + e.getMessage());
                checkedAt = System.nanoTime();
            }
        }
        try (Connection c = primary.getConnection()) {
            return read.on(c);
        }
    }

    /** The replica's state as last asked (within a second). */
    public ReplicaState current() {
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK_NANOS) {
            checkedAt = now; // one asker a second; the others use what is known
            state = ReplicaState.of(replica);
        }
        return state;
    }

    public long maxLagSeconds() {
        return maxLagSeconds;
    }
}
