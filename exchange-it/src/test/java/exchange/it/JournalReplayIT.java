package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.JournalReplayTool;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
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
        JournalReplayTool.Replayed atPosition = JournalReplayTool.run("until=" + position);
        assertEquals(0, atPosition.exit(), atPosition.output());
        assertEquals(live.getJsonNumber("stateHash").longValue(), atPosition.hash(), atPosition.output());

        JournalReplayTool.Replayed toEnd = JournalReplayTool.run();
        assertEquals(0, toEnd.exit(), "the replayed balances are the wallet projection's: " + toEnd.output());
        assertTrue(toEnd.output().contains(", 0 differ"), toEnd.output());
    }

    private static JsonObject recovery(String admin) {
        return Api.get("/api/admin/engine/recovery", admin).json();
    }
}
