package exchange.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mysql.cj.jdbc.MysqlDataSource;
import exchange.it.support.Db;
import exchange.match.journal.SnapshotStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's snapshots on the real MariaDB, in a schema of their own (the running engine's are
 * left alone): a state larger than the server's max_allowed_packet (16 MB here; a busy engine's
 * 20 MB snapshot was refused) is stored in parts and read back byte for byte; a snapshot whose
 * parts did not all arrive is never loaded; only the newest three are kept.
 */
class SnapshotStoreIT {
    private static final String SCHEMA = "exchange_match_it";

    @Test
    void aStateLargerThanOnePacketIsStoredInPartsAndReadBackWhole() throws Exception {
        Db.update("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
        Db.update("DROP TABLE IF EXISTS " + SCHEMA + ".core_snapshots");
        Db.update("DROP TABLE IF EXISTS " + SCHEMA + ".core_snapshot_parts");
        Db.update("CREATE TABLE " + SCHEMA + ".core_snapshots LIKE exchange_match.core_snapshots");
        Db.update("CREATE TABLE " + SCHEMA + ".core_snapshot_parts LIKE exchange_match.core_snapshot_parts");
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(Db.url());
        ds.setUser(Db.user());
        ds.setPassword(Db.password());
        SnapshotStore store = new SnapshotStore(ds, SCHEMA);
        assertNull(store.newest());

        byte[] state = new byte[17 * 1024 * 1024 + 123];
        new Random(7).nextBytes(state);
        long id = store.save(1_000, 40, state);
        SnapshotStore.Snapshot read = store.newest();
        assertEquals(id, read.id());
        assertEquals(1_000, read.sequence());
        assertEquals(40, read.position());
        assertArrayEquals(state, read.state());
        assertEquals(5, Db.count("SELECT COUNT(*) FROM " + SCHEMA + ".core_snapshot_parts WHERE snapshot_id = ?", id),
                "17 MB in parts of 4 MB");

        // A snapshot cut off before its last part (the server died while writing it) is not loaded.
        long later = store.save(2_000, 80, new byte[] {1, 2, 3});
        Db.update("UPDATE " + SCHEMA + ".core_snapshots SET complete = FALSE WHERE id = ?", later);
        assertEquals(id, store.newest().id());

        for (int i = 0; i < 4; i++) {
            store.save(3_000 + i, 100 + i, new byte[] {(byte) i});
        }
        assertEquals(3, Db.count("SELECT COUNT(*) FROM " + SCHEMA + ".core_snapshots"), "the newest three are kept");
        assertEquals(3, Db.count("SELECT COUNT(DISTINCT snapshot_id) FROM " + SCHEMA + ".core_snapshot_parts"));
        assertArrayEquals(new byte[] {3}, store.newest().state());
        Db.update("DROP DATABASE " + SCHEMA);
    }
}
