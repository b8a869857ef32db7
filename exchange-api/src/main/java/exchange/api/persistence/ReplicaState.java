package exchange.api.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What the database behind a data source says of its replication (seed: 主从复制, 读写分离):
 * whether it is a replica that applies the primary's log, and how far behind it is.
 *
 * @param replicating both replication threads run and the lag is known
 * @param lagSeconds  MariaDB's {@code Seconds_Behind_Master}; -1 when unknown
 * @param problem     why it does not serve lagging reads (down, not a replica, stopped), or null
 */
public record ReplicaState(boolean replicating, long lagSeconds, String problem) {

    /** Asks the server behind {@code replica} ({@code SHOW SLAVE STATUS}; needs SLAVE MONITOR). */
    public static ReplicaState of(DataSource replica) {
        try (Connection c = replica.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW SLAVE STATUS")) {
            if (!r.next()) {
                return new ReplicaState(false, -1, "not a replica");
            }
            boolean io = "Yes".equalsIgnoreCase(r.getString("Slave_IO_Running"));
            boolean sql = "Yes".equalsIgnoreCase(r.getString("Slave_SQL_Running"));
            long lag = r.getLong("Seconds_Behind_Master");
            boolean known = !r.wasNull();
            if (!io || !sql || !known) {
                return new ReplicaState(false, known ? lag : -1, "replication stopped (io " + io + ", sql " + sql + ")");
            }
            return new ReplicaState(true, lag, null);
        } catch (SQLException e) {
            return new ReplicaState(false, -1, "unreachable: " + e.getMessage());
        }
    }

    /** It serves reads that tolerate at most {@code maxLagSeconds} of lag. */
    public boolean serves(long maxLagSeconds) {
        return replicating && lagSeconds <= maxLagSeconds;
    }
}
