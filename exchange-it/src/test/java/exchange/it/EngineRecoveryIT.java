package exchange.it;

import static exchange.it.LedgerIT.everyAssetSumsToZero;
import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.TradingInvariantIT.assertFillsAreTrades;
import static exchange.it.TradingInvariantIT.assertFrozenIsWhatOpenOrdersNeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while orders and cancels stream in: after the restart no accepted order
 * or cancel is lost (each was on the engine's journal before it was answered), no fill is doubled,
 * the projections catch up with the engine, the balances still add up, and the engine's book
 * agrees with the database and hashes the same after yet another restart from its snapshot.
 */
class EngineRecoveryIT {
    @Test
    void aKilledServerLosesNoAcceptedOrderOrCancelAndDoublesNoFill() throws Exception {
        String admin = Users.adminToken();
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.00001", "5");
        List<Users.Trader> traders = List.of(fundedTrader("kill-a", admin, "USDT", "200000"),
                fundedTrader("kill-b", admin, "USDT", "200000"));
        for (Users.Trader t : traders) {
            assertEquals(201, Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), "BTC", "5", null), admin).status());
        }
        List<Long> accepted = new CopyOnWriteArrayList<>();
        List<Long> canceled = new CopyOnWriteArrayList<>();
        AtomicBoolean serverGone = new AtomicBoolean();
        Random random = new Random(11);
        Thread traffic = new Thread(() -> {
            for (int n = 0; n < 400 && !serverGone.get(); n++) {
                Users.Trader t = traders.get(random.nextInt(2));
                try {
                    if (random.nextInt(4) == 0 && !accepted.isEmpty()) {
                        long id = accepted.get(random.nextInt(accepted.size()));
                        Users.Trader owner = Api.get("/api/trade/order/" + id, traders.get(0).token()).status() == 200
                                ? traders.get(0) : traders.get(1);
                        if (Api.post("/api/trade/order/cancel", "{\"orderId\":" + id + "}", owner.token()).status() == 202) {
                            canceled.add(id);
                        }
                    } else {
                        String side = random.nextBoolean() ? "BUY" : "SELL";
                        String price = new BigDecimal(30_000 + (random.nextInt(200) - 100)).toPlainString();
                        Api.Reply r = Api.post("/api/trade/order/create", TradingIT.limit(symbol, side, price,
                                new BigDecimal(1 + random.nextInt(2000)).movePointLeft(4).toPlainString()), t.token());
                        if (r.status() == 201) {
                            accepted.add(r.json().getJsonNumber("orderId").longValue());
                        }
                    }
                } catch (IllegalStateException connectionLost) {
                    serverGone.set(true);
                }
            }
        });
        traffic.start();
        Eventually.holds(Duration.ofSeconds(60), "traffic under way", () -> accepted.size() >= 40);
        long pid = Long.parseLong(Files.readString(Users.work().resolve(
                "payara6/glassfish/domains/domain1/config/pid")).trim());
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor());
        serverGone.set(true);
        traffic.join(60_000);
        exchange("start");

        String ids = TradingInvariantIT.ids(traders);
        Eventually.holds(Duration.ofSeconds(120), "every accepted order and cancel settled", () -> {
            long open = Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE symbol = ? AND status IN ('NEW', 'PARTIALLY_FILLED')", symbol);
            long canceledStillOpen = canceled.isEmpty() ? 0 : Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE id IN ("
                    + String.join(",", canceled.stream().map(String::valueOf).toList()) + ") AND status IN ('NEW', 'PARTIALLY_FILLED')");
            return canceledStillOpen == 0 && restingInEngine(admin, symbol) == open
                    && Db.count("SELECT COUNT(*) FROM exchange_trade.outbox WHERE sent_at IS NULL") == 0
                    && projectionsCaughtUp(admin);
        });
        assertEquals(accepted.size(), Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE symbol = ? AND id IN ("
                + String.join(",", accepted.stream().map(String::valueOf).toList()) + ")", symbol), "every accepted order exists");
        assertTrue(Db.count("SELECT COUNT(*) FROM exchange_trade.trades WHERE symbol = ?", symbol) > 0, "the stream traded");
        everyAssetSumsToZero();
        traders.forEach(TradingInvariantIT::assertFrozenIsWhatOpenOrdersNeed);
        assertFillsAreTrades(ids);

        // The next start must need no replay at all: wait for a snapshot that holds every command,
        // and take the book to compare with while the engine applies nothing more.
        java.util.concurrent.atomic.AtomicReference<JsonObject> quiet = new java.util.concurrent.atomic.AtomicReference<>();
        long snapshot = Eventually.get(Duration.ofSeconds(90), () -> {
            long applied = Api.get("/api/admin/engine/progress", admin).json().getJsonNumber("commandsApplied").longValue();
            long id = Db.count("SELECT COALESCE(MAX(id), 0) FROM exchange_match.core_snapshots WHERE sequence = ? AND complete", applied);
            JsonObject book = book(admin, symbol);
            long still = Api.get("/api/admin/engine/progress", admin).json().getJsonNumber("commandsApplied").longValue();
            if (id == 0 || book == null || still != applied) {
                return null;
            }
            quiet.set(book);
            return id;
        });
        JsonObject before = quiet.get();
        exchange("down-payara");
        exchange("start");
        java.util.concurrent.atomic.AtomicReference<Object> seen = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            Eventually.holds(Duration.ofSeconds(90), "engine replayed", () -> {
                Api.Reply r = Api.get("/api/admin/engine", Users.adminToken());
                JsonObject now = r.status() == 200 ? book(Users.adminToken(), symbol) : null;
                seen.set(now != null ? now : "HTTP " + r.status() + " " + r.body());
                return now != null && now.getJsonNumber("sequence").longValue() == before.getJsonNumber("sequence").longValue();
            });
        } catch (AssertionError e) {
            throw new AssertionError("engine after the restart: " + seen.get() + "; before it: " + before
                    + "; recovery: " + Api.get("/api/admin/engine/recovery", Users.adminToken()).body(), e);
        }
        JsonObject after = book(Users.adminToken(), symbol);
        assertEquals(before.getJsonNumber("stateHash").longValue(), after.getJsonNumber("stateHash").longValue(),
                "a replayed book is the same book");
        assertEquals(before.getInt("restingOrders"), after.getInt("restingOrders"));
        JsonObject recovery = Api.get("/api/admin/engine/recovery", Users.adminToken()).json();
        assertEquals(snapshot, recovery.getJsonNumber("snapshotId").longValue(), "started from the newest snapshot");
        assertEquals(recovery.getJsonNumber("commandsInSnapshot").longValue(),
                recovery.getJsonNumber("commandsApplied").longValue(), "nothing left to replay");
        // The cheap progress reads what recovery reads (bracketed: a minute's reference-data tick may apply a command).
        long first = Api.get("/api/admin/engine/progress", Users.adminToken()).json().getJsonNumber("commandsApplied").longValue();
        long viaRecovery = Api.get("/api/admin/engine/recovery", Users.adminToken()).json().getJsonNumber("commandsApplied").longValue();
        long last = Api.get("/api/admin/engine/progress", Users.adminToken()).json().getJsonNumber("commandsApplied").longValue();
        assertTrue(first <= viaRecovery && viaRecovery <= last && first > 0, first + " <= " + viaRecovery + " <= " + last);
        // Alone, the restarted instance leads (the cluster's load balancer sends traders by this answer).
        Api.Reply role = Api.get("/api/engine/role");
        assertEquals(200, role.status(), role.body());
        assertEquals("leader", role.json().getString("role"));
    }

    /** Both projections have applied every command the engine has: the database is the engine's state. */
    static boolean projectionsCaughtUp(String admin) {
        long applied = Api.get("/api/admin/engine/progress", admin).json().getJsonNumber("commandsApplied").longValue();
        return Db.count("SELECT next_sequence FROM exchange_trade.engine_watermark WHERE projection = 'trade'") == applied
                && Db.count("SELECT next_sequence FROM exchange_wallet.engine_watermark WHERE projection = 'wallet'") == applied;
    }

    private static long restingInEngine(String admin, String symbol) {
        JsonObject book = book(admin, symbol);
        return book == null ? -1 : book.getInt("restingOrders");
    }

    private static JsonObject book(String admin, String symbol) {
        Api.Reply r = Api.get("/api/admin/engine", admin);
        if (r.status() != 200) {
            return null;
        }
        return r.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("symbol").equals(symbol)).findFirst().orElse(null);
    }

    private static void exchange(String command) throws Exception {
        File root = new File(System.getProperty("exchange.root", "."));
        Process p = new ProcessBuilder("bash", new File(root, "exchange").getPath(), command)
                .directory(root).inheritIO().start();
        assertEquals(0, p.waitFor(), "./exchange " + command);
    }
}
