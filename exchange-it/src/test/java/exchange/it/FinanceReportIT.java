package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The daily finance job (Jakarta Batch) on a real day: trades on a fresh market, then the job;
 * its figures equal sums computed here from the owning services' own tables, every asset
 * reconciles, FinanceCalculated is audited; a run stopped midway and restarted from its
 * checkpoint writes the same report as a whole run.
 */
class FinanceReportIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theDaysReportEqualsIndependentSumsAndEveryAssetReconciles() {
        String admin = Users.adminToken();
        Users.Trader seller = fundedTrader("report-seller", admin, "BTC", "5");
        Users.Trader buyer = fundedTrader("report-buyer", admin, "USDT", "10000");
        String symbol = freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        assertEquals(201, order(seller, limit(symbol, "SELL", "200", "1")).status());
        assertEquals(201, order(seller, limit(symbol, "SELL", "210", "1")).status());
        assertEquals(201, order(buyer, limit(symbol, "BUY", "200", "0.5")).status());
        assertEquals(201, order(buyer, limit(symbol, "BUY", "210", "1")).status());
        // Trades: 0.5 @ 200, then 0.5 @ 200 and 0.5 @ 210 → 1.5 base, 305 quote, 3 trades.
        Eventually.holds(WAIT, "three trades settled", () ->
                Db.count("SELECT COUNT(*) FROM exchange_trade.trades WHERE symbol = ?", symbol) == 3);
        String day = LocalDate.now(ZoneOffset.UTC).toString();

        // Finance hears of the day through events: run (idempotently) until it caught up.
        JsonObject report = Eventually.get(WAIT, () -> {
            runToCompletion(admin, Api.post("/api/admin/finance/reports", "{\"day\":\"" + day + "\"}", admin));
            JsonObject r = Api.get("/api/admin/finance/reports/" + day, admin).json();
            return independentSumsMatch(r, day) ? r : null;
        });
        Map<String, BigDecimal> lines = lines(report);
        assertEquals(0, new BigDecimal("1.5").compareTo(lines.get("VOLUME/" + symbol + "/base")));
        assertEquals(0, new BigDecimal("305").compareTo(lines.get("VOLUME/" + symbol + "/quote")));
        assertEquals(0, new BigDecimal("3").compareTo(lines.get("VOLUME/" + symbol + "/trades")));

        List<JsonObject> reconciliation = report.getJsonArray("reconciliation").getValuesAs(JsonObject.class);
        assertEquals(List.of("BTC", "ETH", "USDT"), reconciliation.stream().map(r -> r.getString("asset")).toList());
        for (JsonObject r : reconciliation) {
            assertEquals("OK", r.getString("status"), r.toString());
            assertEquals(0, r.getJsonNumber("allAccounts").bigDecimalValue().signum(), "double entry: " + r);
        }
        assertEquals(0, report.getInt("mismatches"));
        Eventually.holds(WAIT, "FinanceCalculated audited", () -> Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log"
                + " WHERE event_type = 'FinanceCalculated' AND subject = ?", day) >= 1);
        Api.Reply csv = Api.get("/api/admin/finance/reports/" + day + "/csv", admin);
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("section,item,metric,value\n"), csv.body());
        assertTrue(csv.body().contains("VOLUME," + symbol + ",quote,305\n"), csv.body());
        assertEquals(403, Api.get("/api/admin/finance/reports/" + day, buyer.token()).status());
        assertEquals(400, Api.post("/api/admin/finance/reports", "{\"day\":\"2999-01-01\"}", admin).status());
    }

    @Test
    void aRunStoppedMidwayAndRestartedWritesTheSameReport() {
        String admin = Users.adminToken();
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Reply crashing = Api.post("/api/admin/finance/reports", "{\"day\":\"" + day + "\",\"crashAfterAssets\":1}", admin);
        long failed = crashing.json().getJsonNumber("executionId").longValue();
        JsonObject failedRun = awaitEnd(admin, failed);
        assertEquals("FAILED", failedRun.getString("status"), failedRun.toString());

        Api.Reply restarted = Api.post("/api/admin/finance/reports/runs/" + failed + "/restart", "{}", admin);
        assertEquals(202, restarted.status(), restarted.body());
        JsonObject restartedRun = awaitEnd(admin, restarted.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", restartedRun.getString("status"), restartedRun.toString());
        assertEquals(failedRun.getJsonNumber("instanceId"), restartedRun.getJsonNumber("instanceId"), "the same job instance, resumed");
        String afterRestart = Api.get("/api/admin/finance/reports/" + day + "/csv", admin).body();

        // A whole run now must write the same file, byte for byte (nothing moved in between).
        runToCompletion(admin, Api.post("/api/admin/finance/reports", "{\"day\":\"" + day + "\"}", admin));
        assertEquals(afterRestart, Api.get("/api/admin/finance/reports/" + day + "/csv", admin).body());
        assertEquals(400, Api.post("/api/admin/finance/reports/runs/" + restarted.json().getJsonNumber("executionId")
                + "/restart", "{}", admin).status(), "a completed run is not restarted");
    }

    /** The report's figures against the source tables of the wallet, trade and user services. */
    private static boolean independentSumsMatch(JsonObject report, String day) {
        Map<String, BigDecimal> lines = lines(report);
        String today = "DATE(%s) = ?";
        for (String asset : List.of("BTC", "ETH", "USDT")) {
            BigDecimal deposits = decimal("SELECT COALESCE(SUM(amount), 0) FROM exchange_wallet.deposits WHERE asset = ? AND status = 'CREDITED'"
                    + " AND " + today.formatted("credited_at"), asset, day);
            BigDecimal withdrawals = decimal("SELECT COALESCE(SUM(amount + fee), 0) FROM exchange_wallet.withdrawals WHERE asset = ?"
                    + " AND status = 'COMPLETED' AND " + today.formatted("completed_at"), asset, day);
            BigDecimal fees = decimal("SELECT COALESCE(SUM(CASE WHEN s.base_asset = ? THEN t.buyer_fee ELSE 0 END"
                    + " + CASE WHEN s.quote_asset = ? THEN t.seller_fee ELSE 0 END), 0) FROM exchange_trade.trades t"
                    + " JOIN exchange_trade.symbols s ON s.symbol = t.symbol WHERE " + today.formatted("t.created_at"), asset, asset, day);
            if (!same(deposits, lines.get("DEPOSITS/" + asset + "/amount")) || !same(withdrawals, lines.get("WITHDRAWALS/" + asset + "/amount"))
                    || !same(fees, lines.get("TRADING_FEES/" + asset + "/amount"))) {
                return false;
            }
        }
        long users = Db.count("SELECT COUNT(*) FROM exchange_user.users WHERE DATE(created_at) = ?", day);
        return same(BigDecimal.valueOf(users), lines.get("USERS/ALL/new"));
    }

    private static boolean same(BigDecimal expected, BigDecimal reported) {
        return expected.compareTo(reported == null ? BigDecimal.ZERO : reported) == 0;
    }

    private static BigDecimal decimal(String sql, Object... params) {
        return new BigDecimal(Db.string(sql, params));
    }

    private static Map<String, BigDecimal> lines(JsonObject report) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (JsonObject l : report.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            m.put(l.getString("section") + "/" + l.getString("item") + "/" + l.getString("metric"),
                    l.getJsonNumber("value").bigDecimalValue());
        }
        return m;
    }

    private static void runToCompletion(String admin, Api.Reply started) {
        assertEquals(202, started.status(), started.body());
        JsonObject run = awaitEnd(admin, started.json().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", run.getString("status"), run.toString());
    }

    private static JsonObject awaitEnd(String admin, long executionId) {
        return Eventually.get(WAIT, () -> {
            JsonObject run = Api.get("/api/admin/finance/reports/runs/" + executionId, admin).json();
            String status = run.getString("status");
            return status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED") ? run : null;
        });
    }
}
