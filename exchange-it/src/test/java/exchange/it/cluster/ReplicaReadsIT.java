package exchange.it.cluster;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.TradingIT.awaitStatus;
import static exchange.it.TradingIT.freshSymbol;
import static exchange.it.TradingIT.limit;
import static exchange.it.TradingIT.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 读写分离 on the cluster: market-data history is read from the database replica while it
 * replicates, from the primary while it is down, and from the replica again once it is back; the
 * health report shows which and the replica's lag. To tell where a read came from, one candle is
 * changed on the replica alone (the replica writes no binary log, so the primary never sees it).
 */
class ReplicaReadsIT {
    private static final String REPLICA = "jdbc:mysql://127.0.0.1:" + System.getenv().getOrDefault("EXCHANGE_CLUSTER_DB_REPLICA_PORT", "3308")
            + "/?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";

    @Test
    void historyReadsGoToTheReplicaAndFallBackToThePrimaryWhileItIsDown() throws Exception {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("replica-seller", admin, "BTC", "5");
        Users.Trader buyer = fundedTrader("replica-buyer", admin, "USDT", "10000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.0001", "1");
        assertEquals(201, order(seller, limit(symbol, "SELL", "100", "1")).status());
        long bought = order(buyer, limit(symbol, "BUY", "100", "1")).json().getJsonNumber("orderId").longValue();
        awaitStatus(buyer, bought, "FILLED");
        assertEquals("replica", Eventually.get(Duration.ofSeconds(20), () -> "replica".equals(serves()) ? "replica" : null),
                "the replica serves lag-tolerant reads: " + health());
        // The candle reached the replica (its lag is under a second here).
        Eventually.get(Duration.ofSeconds(20), () -> close(symbol, 1) != null ? true : null);

        // Changed on the replica only: a read that shows 1100 came from the replica.
        int changed = onReplica("UPDATE exchange_trade.klines SET close_price = close_price + 1000 WHERE symbol = ?", symbol);
        assertTrue(changed > 0, "the replica has the candles");
        ClusterControl cluster = new ClusterControl(Path.of(System.getProperty("exchange.work", ".work")));
        try {
            assertAmount("1100", close(symbol, 2), "a history read served by the replica");

            cluster.exchange("db-replica", "stop");
            // The first read after it went down already comes from the primary (a failed connection falls back).
            assertAmount("100", close(symbol, 3), "a history read while the replica is down, from the primary");
            JsonObject down = replicaCheck();
            assertEquals("primary", down.getString("serves"), down.toString());
            assertTrue(down.containsKey("problem"), down.toString());

            cluster.exchange("db-replica", "start");
            assertEquals("replica", Eventually.get(Duration.ofSeconds(30), () -> "replica".equals(serves()) ? "replica" : null),
                    "the replica serves again once it is back and caught up: " + health());
            // Reads move back at the first one after the replica was seen serving (the pool drops the dead connections then).
            int[] limit = {4};
            BigDecimal again = Eventually.get(Duration.ofSeconds(15), () -> {
                BigDecimal c = close(symbol, limit[0]++);
                return c != null && c.compareTo(new BigDecimal("1100")) == 0 ? c : null;
            });
            assertAmount("1100", again, "a history read served by the replica again");
        } finally {
            cluster.exchange("db-replica", "start"); // a no-op when it runs
            onReplica("UPDATE exchange_trade.klines SET close_price = close_price - 1000 WHERE symbol = ? AND close_price >= 1000", symbol);
        }
    }

    /** The newest 1m candle's close, read with a limit of its own (each limit is a key of its own in the Redis cache). */
    private static BigDecimal close(String symbol, int limit) {
        var candles = Api.get("/api/trade/klines?symbol=" + symbol + "&interval=1m&limit=" + limit, null).structure().asJsonArray();
        return candles.isEmpty() ? null : candles.getJsonObject(candles.size() - 1).getJsonNumber("close").bigDecimalValue();
    }

    private static void assertAmount(String expected, BigDecimal actual, String what) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0, what + ": " + actual);
    }

    private static String serves() {
        JsonObject check = replicaCheck();
        return check == null ? null : check.getString("serves");
    }

    private static JsonObject replicaCheck() {
        return health().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database-replica")).findFirst().map(c -> c.getJsonObject("data")).orElse(null);
    }

    private static JsonObject health() {
        return Api.get("/health/ready", null).json();
    }

    private static int onReplica(String sql, String symbol) throws Exception {
        try (Connection c = DriverManager.getConnection(REPLICA, Db.user(), Db.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, symbol);
            return s.executeUpdate();
        }
    }
}
