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
    /** Bytes per stored part: under MariaDB's packet limit and a tenth of its redo log. */
    static final int PART_BYTES = 4 << 20;

    public record Snapshot(long id, Instant takenAt, long sequence, long position, byte[] state) {
    }

    private final DataSource dataSource;
    private final String schema;

    public SnapshotStore(DataSource dataSource) {
        this(dataSource, "exchange_match");
    }

    /** In another schema with the same tables (tests). */
    public SnapshotStore(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public long save(long sequence, long position, byte[] state) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            int parts = (state.length + PART_BYTES - 1) / PART_BYTES;
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".core_snapshots (taken_at, sequence,"
                    + " position, state, parts, complete) VALUES (?, ?, ?, NULL, ?, FALSE)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setLong(2, sequence);
                s.setLong(3, position);
                s.setInt(4, parts);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO " + schema + ".core_snapshot_parts (snapshot_id, part, bytes) VALUES (?, ?, ?)")) {
                for (int part = 0; part < parts; part++) {
                    int from = part * PART_BYTES;
                    s.setLong(1, id);
                    s.setInt(2, part);
                    s.setBytes(3, java.util.Arrays.copyOfRange(state, from, Math.min(state.length, from + PART_BYTES)));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE " + schema + ".core_snapshots SET complete = TRUE WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + schema + ".core_snapshot_parts WHERE snapshot_id <= ?")) {
                s.setLong(1, id - KEEP);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + schema + ".core_snapshots WHERE id <= ?")) {
                s.setLong(1, id - KEEP);
                s.executeUpdate();
            }
            return id;
        }
    }

    /** The newest complete snapshot, or null when there is none. */
    public Snapshot newest() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long id;
            Instant takenAt;
            long sequence;
            long position;
            int parts;
            byte[] whole;
            try (PreparedStatement s = c.prepareStatement("SELECT id, taken_at, sequence, position, parts, state"
                    + " FROM " + schema + ".core_snapshots WHERE complete ORDER BY id DESC LIMIT 1");
                 ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                id = r.getLong(1);
                takenAt = r.getTimestamp(2).toInstant();
                sequence = r.getLong(3);
                position = r.getLong(4);
                parts = r.getInt(5);
                whole = r.getBytes(6); // snapshots stored before parts existed
            }
            if (parts == 0) {
                return new Snapshot(id, takenAt, sequence, position, whole != null ? whole : new byte[0]);
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(parts * PART_BYTES);
            try (PreparedStatement s = c.prepareStatement("SELECT bytes FROM " + schema + ".core_snapshot_parts"
                    + " WHERE snapshot_id = ? ORDER BY part")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    int read = 0;
                    while (r.next()) {
                        bytes.writeBytes(r.getBytes(1));
                        read++;
                    }
                    if (read != parts) {
                        throw new SQLException("snapshot " + id + " has " + read + " of its " + parts + " parts");
                    }
                }
            }
            return new Snapshot(id, takenAt, sequence, position, bytes.toByteArray());
        }
    }

    /** Forgets every snapshot: they describe a journal that is gone. */
    public void clear() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + schema + ".core_snapshot_parts")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + schema + ".core_snapshots")) {
                s.executeUpdate();
            }
        }
    }

    static IOException unreadable(String why) {
        return new IOException("snapshot unreadable: " + why);
    }
}
