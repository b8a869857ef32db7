package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./exchange replay}: the engine rebuilt from its journal alone, in another process, hashes
 * the same as the live engine at the same journal position, and every user's balances it rebuilds
 * equal the wallet's projection in the database.
 */
class JournalReplayIT {
    @Test
    void theJournalAloneRebuildsTheLiveEngineAndTheWalletsBalances() throws Exception {
        String admin = Users.adminToken();
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        Users.Trader seller = fundedTrader("replay-s", admin, "BTC", "2");
        Users.Trader buyer = fundedTrader("replay-b", admin, "USDT", "90000");
        assertEquals(201, TradingIT.order(seller, TradingIT.limit(symbol, "SELL", "30000", "1.5")).status());
        assertEquals(201, TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "30000.5", "1")).status());
        assertEquals(201, TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "29000", "0.25")).status());

        // A quiet moment: the projections have caught up, and the engine applies nothing more.
        JsonObject live = Eventually.get(Duration.ofSeconds(60), () -> {
            JsonObject before = recovery(admin);
            if (!EngineRecoveryIT.projectionsCaughtUp(admin)) {
                return null;
            }
            JsonObject after = recovery(admin);
            return before.getJsonNumber("journalPosition").longValue() == after.getJsonNumber("journalPosition").longValue()
                    ? after : null;
        });
        long position = live.getJsonNumber("journalPosition").longValue();
        Replayed atPosition = replay("until=" + position);
        assertEquals(0, atPosition.exit, atPosition.output);
        assertEquals(live.getJsonNumber("stateHash").longValue(), atPosition.hash(), atPosition.output);

        Replayed toEnd = replay();
        assertEquals(0, toEnd.exit, "the replayed balances are the wallet projection's: " + toEnd.output);
        assertTrue(toEnd.output.contains(", 0 differ"), toEnd.output);
    }

    private static JsonObject recovery(String admin) {
        return Api.get("/api/admin/engine/recovery", admin).json();
    }

    private record Replayed(int exit, String output) {
        long hash() {
            Matcher m = Pattern.compile("state hash: (-?\\d+)").matcher(output);
            assertTrue(m.find(), output);
            return Long.parseLong(m.group(1));
        }
    }

    /** The build of ./exchange test already packaged the tool: no Maven inside the test run. */
    private static Replayed replay(String... args) throws Exception {
        File root = new File(System.getProperty("exchange.root", "."));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash",
                new File(root, "exchange").getPath(), "replay"));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root).redirectErrorStream(true);
        pb.environment().put("BENCH_SKIP_BUILD", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "replay finished");
        return new Replayed(p.exitValue(), output);
    }
}
