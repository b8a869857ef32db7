package exchange.match.journal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The engine's snapshots in {@code exchange_match.core_snapshots}: the state's bytes with the
 * command sequence they reached and the journal position after the entry that reached it. Plain
 * JDBC in autocommit, off any JTA transaction: a snapshot is written whole or not at all, and the
 * newest complete one wins. The newest few are kept.
 */
public final class SnapshotStore {
    private static final int KEEP = 3;

    public record Snapshot(long id, Instant takenAt, long sequence, long position, byte[] state) {
    }

    private final DataSource dataSource;

    public SnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long save(long sequence, long position, byte[] state) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long id;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO exchange_match.core_snapshots (taken_at, sequence, position, state) VALUES (?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setLong(2, sequence);
                s.setLong(3, position);
                s.setBytes(4, state);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM exchange_match.core_snapshots WHERE id <= ?")) {
                s.setLong(1, id - KEEP);
                s.executeUpdate();
            }
            return id;
        }
    }

    /** The newest snapshot, or null when there is none. */
    public Snapshot newest() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, taken_at, sequence, position, state"
                     + " FROM exchange_match.core_snapshots ORDER BY id DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return null;
            }
            return new Snapshot(r.getLong(1), r.getTimestamp(2).toInstant(), r.getLong(3), r.getLong(4), r.getBytes(5));
        }
    }

    /** Forgets every snapshot: they describe a journal that is gone. */
    public void clear() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM exchange_match.core_snapshots")) {
            s.executeUpdate();
        }
    }

    static IOException unreadable(String why) {
        return new IOException("snapshot unreadable: " + why);
    }
}
