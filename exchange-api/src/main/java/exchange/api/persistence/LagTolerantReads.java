package exchange.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads that tolerate lag (seed: 读写分离): on the database's replica while it replicates and is at
 * most {@code maxLagSeconds} behind, else on the primary. The replica's state is asked at most
 * once a second, not per read; a read that fails on the replica runs again from the start on the
 * primary, and the replica is left until it is asked again, so a caller sees no error when the
 * replica goes down. Each service that has such reads holds one (in a singleton of its own, with
 * its data sources); on the single node the "replica" is the one database, which is no replica,
 * and every read stays on the primary.
 */
public final class LagTolerantReads {
    private static final long RECHECK_NANOS = 1_000_000_000L;

    /** Work on one connection; it may run twice (the replica failed it), so it starts from nothing each time. */
    public interface Read<T> {
        T on(Connection c) throws SQLException;
    }

    /** One row of a result, mapped. */
    public interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    private final DataSource replica;
    private final DataSource primary;
    private final long maxLagSeconds;
    private volatile ReplicaState state = new ReplicaState(false, -1, "not asked yet");
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

    public LagTolerantReads(DataSource replica, DataSource primary, long maxLagSeconds) {
        this.replica = replica;
        this.primary = primary;
        this.maxLagSeconds = maxLagSeconds;
    }

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

    /** A query's rows, mapped; parameters bound in order. */
    public <T> List<T> rows(String sql, Row<T> row, Object... parameters) {
        try {
            return read(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        s.setObject(i + 1, parameters[i]);
                    }
                    List<T> out = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.add(row.map(r));
                        }
                    }
                    return out;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("lag-tolerant read: " + e.getMessage(), e);
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
}
