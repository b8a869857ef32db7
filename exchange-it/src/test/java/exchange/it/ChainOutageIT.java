package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Monitoring;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A chain node that stops answering (frozen with SIGSTOP, so it keeps its chain) pauses only that
 * chain: the console shows it down and why, the other chain's scanner goes on, the API answers
 * promptly once the circuit breaker is open, on-call is notified (Prometheus' {@code ChainNodeDown}
 * through Alertmanager to the sink), and everything resumes, the alert resolved, when the node does.
 */
class ChainOutageIT {
    @Test
    void aFrozenBitcoinNodeStopsOnlyBitcoin() throws Exception {
        String admin = Users.adminToken();
        long pid = Long.parseLong(Files.readString(Path.of(System.getProperty("exchange.work"), "chains", "bcoin.pid")).trim());
        Monitoring.clearNotifications();
        int seen = 0;
        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
        try {
            JsonObject btc = Eventually.get(Duration.ofSeconds(90), () -> {
                JsonObject c = chain(admin, "BTC");
                return c.getBoolean("nodeDown") ? c : null;
            });
            assertTrue(btc.containsKey("problem") && !btc.getString("problem").isBlank(), btc.toString());
            Instant ethPass = Instant.parse(chain(admin, "ETH").getString("lastPassAt"));
            Eventually.holds(Duration.ofSeconds(60), "Ethereum scanning goes on",
                    () -> Instant.parse(chain(admin, "ETH").getString("lastPassAt")).isAfter(ethPass));
            // Once the breaker is open, Bitcoin's calls fail at once instead of waiting out timeouts.
            Eventually.holds(Duration.ofSeconds(60), "the circuit breaker answers for the frozen node",
                    () -> chain(admin, "BTC").getString("problem").contains("circuit breaker"));
            long started = System.nanoTime();
            assertEquals(200, Api.get("/api/trade/symbols", null).status(), "trading's API is untouched");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5000);
            // Scraped every 5 s, pending for 10 s, grouped for 1 s: notified well within the minute.
            Eventually.holds(Duration.ofSeconds(60), "on-call is notified: ChainNodeDown for BTC firing",
                    () -> Monitoring.notified(seen, "ChainNodeDown", "BTC", "firing"));
            assertTrue(!Monitoring.notified(seen, "ChainNodeDown", "ETH", "firing"), "nothing about Ethereum");
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start().waitFor();
        }
        Eventually.holds(Duration.ofSeconds(90), "Bitcoin scanning resumes", () -> !chain(admin, "BTC").getBoolean("nodeDown"));
        Eventually.holds(Duration.ofSeconds(60), "on-call is told it is over: ChainNodeDown for BTC resolved",
                () -> Monitoring.notified(seen, "ChainNodeDown", "BTC", "resolved"));
    }

    private static JsonObject chain(String admin, String name) {
        return Api.get("/api/admin/wallet/chains", admin).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("chain").equals(name)).findFirst().orElseThrow();
    }
}
