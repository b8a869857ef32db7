package exchange.match.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import javax.sql.DataSource;

/**
 * Writes and reads the engine's snapshots: all books plus, per trade-events queue, the offset of
 * the first command they do not include. Plain JDBC on the matching thread, outside any JTA
 * transaction: a snapshot is written whole or not at all, and the newest complete one wins.
 */
final class BookSnapshots {
    /** 2: each book carries its bounded dedup window and its watermark (issue #14). */
    private static final int FORMAT = 2;
    private static final int KEEP = 3;

    interface BookReader {
        void read(String symbol, DataInputStream in) throws IOException;
    }

    /**
     * Where the snapshot stands in one queue of the journal.
     *
     * @param next        the offset of the first command the snapshot does not hold
     * @param lastEventId the event id of the command just before it: the journal must still have
     *                    it there, or it is not the journal the snapshot was taken from
     */
    record Checkpoint(long next, String lastEventId) {
    }

    record Loaded(long id, Instant takenAt, long commands, Map<String, Checkpoint> offsets) {
    }

    private final DataSource dataSource;

    BookSnapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Offsets are keyed {@code broker/queueId}. Returns the new snapshot's id. */
    long save(Collection<SymbolBook> books, Map<String, Checkpoint> offsets, long commands) throws IOException, SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Buffered: unbuffered, every writeLong of every resting order and seen id was its own call into zlib.
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(bytes), 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(books.size());
            for (SymbolBook book : books) {
                book.writeTo(out);
            }
        }
        StringBuilder text = new StringBuilder();
        offsets.forEach((queue, at) -> text.append(queue).append('=').append(at.next()).append('@')
                .append(at.lastEventId()).append(';'));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long id;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO exchange_match.book_snapshots (taken_at, commands, offsets, books) VALUES (?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setLong(2, commands);
                s.setString(3, text.toString());
                s.setBytes(4, bytes.toByteArray());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM exchange_match.book_snapshots WHERE id <= ?")) {
                s.setLong(1, id - KEEP);
                s.executeUpdate();
            }
            return id;
        }
    }

    /** Loads the newest snapshot through the reader; null when there is none. */
    Loaded loadNewest(BookReader reader) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, taken_at, commands, offsets, books FROM exchange_match.book_snapshots ORDER BY id DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new InflaterInputStream(new ByteArrayInputStream(r.getBytes(5))), 1 << 16))) {
                int format = in.readInt();
                if (format != FORMAT) {
                    throw new IOException("snapshot format " + format + " is not " + FORMAT);
                }
                for (int n = in.readInt(); n > 0; n--) {
                    reader.read(in.readUTF(), in);
                }
            }
            Map<String, Checkpoint> offsets = new LinkedHashMap<>();
            for (String pair : r.getString(4).split(";")) {
                int eq = pair.lastIndexOf('=');
                int at = pair.indexOf('@', eq);
                if (eq > 0 && at > eq) {
                    offsets.put(pair.substring(0, eq), new Checkpoint(Long.parseLong(pair.substring(eq + 1, at)),
                            pair.substring(at + 1)));
                } else if (!pair.isEmpty()) {
                    throw new IOException("snapshot offsets without event ids: " + pair);
                }
            }
            return new Loaded(r.getLong(1), r.getTimestamp(2).toInstant(), r.getLong(3), offsets);
        }
    }
}
