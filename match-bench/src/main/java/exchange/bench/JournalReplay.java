package exchange.bench;

import exchange.match.journal.Directory;
import exchange.match.journal.EngineState;
import exchange.match.journal.EventSink;
import exchange.match.journal.Replay;
import exchange.match.journal.RocketMqJournal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./exchange replay [until=<position>] [namesrv=host:port] [db=<jdbc url>]}: rebuilds the
 * engine from its journal alone (no snapshot, no database), prints the sequence, position and
 * state hash it reached (the live engine shows the same at the same position on
 * {@code /api/admin/engine/recovery}), and compares every user's balances with the wallet's
 * projection in the database: with the projection caught up (and until unset), they are equal.
 * Exit status 0 equal, 1 differences, 2 bad arguments.
 */
public final class JournalReplay {
    private JournalReplay() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> conf = new HashMap<>(Map.of("namesrv", "127.0.0.1:9876", "until", Long.toString(Long.MAX_VALUE),
                // The database the running exchange uses: the machine's by default, the cluster's own
                // primary when ./exchange runs the cluster (it sets EXCHANGE_DB_PORT).
                "db", "jdbc:mysql://127.0.0.1:" + System.getenv().getOrDefault("EXCHANGE_DB_PORT", "3306")
                        + "/?user=exchange&password=exchange&useSSL=false&allowPublicKeyRetrieval=true"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !conf.containsKey(kv[0])) {
                System.err.println("usage: replay [until=<journal position>] [namesrv=host:port] [db=<jdbc url>]");
                System.exit(2);
            }
            conf.put(kv[0], kv[1]);
        }
        EngineState state = EngineState.empty();
        long started = System.nanoTime();
        long entries;
        try (RocketMqJournal journal = new RocketMqJournal(conf.get("namesrv"), RocketMqJournal.TOPIC,
                "replay-" + ProcessHandle.current().pid())) {
            journal.start();
            entries = Replay.toEnd(state, journal, EventSink.NONE, Long.parseLong(conf.get("until")));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("replayed %d journal entries (%d commands) in %.2f s: position %d, sequence %d%n", entries,
                state.sequence(), seconds, state.position(), state.sequence());
        System.out.printf("state hash: %d%n", state.core().stateHash());
        if (conf.get("until").equals(Long.toString(Long.MAX_VALUE))) {
            System.exit(compareWithProjection(state, conf.get("db")) == 0 ? 0 : 1);
        }
    }

    /** Every user account of the projection against the replayed engine; returns the differences. */
    private static int compareWithProjection(EngineState state, String url) throws Exception {
        Directory directory = state.directory();
        Map<String, BigDecimal[]> engine = new HashMap<>();
        state.core().forEachBalance((user, asset, available, frozen) -> {
            Directory.AssetInfo a = directory.asset(asset);
            if (user > 0 && (available != 0 || frozen != 0)) {
                engine.put(user + "/" + a.code(), new BigDecimal[] {BigDecimal.valueOf(available, a.scale()),
                        BigDecimal.valueOf(frozen, a.scale())});
            }
        });
        int differences = 0;
        int compared = 0;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement p = c.prepareStatement("SELECT user_id, asset, available, frozen FROM exchange_wallet.accounts"
                     + " WHERE user_id > 0 AND (available <> 0 OR frozen <> 0)");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                compared++;
                String key = r.getLong(1) + "/" + r.getString(2);
                BigDecimal[] e = engine.remove(key);
                if (e == null || e[0].compareTo(r.getBigDecimal(3)) != 0 || e[1].compareTo(r.getBigDecimal(4)) != 0) {
                    differences++;
                    if (differences <= 20) {
                        System.out.printf("differs: %s engine %s database %s/%s%n", key,
                                e == null ? "none" : e[0] + "/" + e[1], r.getBigDecimal(3), r.getBigDecimal(4));
                    }
                }
            }
        }
        for (String key : engine.keySet()) {
            differences++;
            if (differences <= 20) {
                System.out.printf("differs: %s only in the engine%n", key);
            }
        }
        System.out.printf("balances: %d user accounts compared with exchange_wallet.accounts, %d differ%n", compared, differences);
        return differences;
    }
}
