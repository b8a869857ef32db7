package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Balances change only through balanced, idempotent journal postings, and never go below zero. */
public class LedgerIT {
    static String adjustment(long userId, String asset, String amount, String requestId) {
        var b = Json.createObjectBuilder().add("userId", userId).add("asset", asset)
                .add("amount", new BigDecimal(amount)).add("reason", "integration test funding");
        if (requestId != null) {
            b.add("requestId", requestId);
        }
        return b.build().toString();
    }

    public static Users.Trader fundedTrader(String prefix, String admin, String asset, String amount) {
        Users.Trader trader = Users.register(prefix);
        Eventually.holds(Duration.ofSeconds(20), "accounts opened", () ->
                Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE user_id = ?", trader.id()) == 3);
        Api.Reply r = Api.post("/api/admin/wallet/adjustments", adjustment(trader.id(), asset, amount, null), admin);
        assertEquals(201, r.status(), r.body());
        return trader;
    }

    @Test
    void creditsAndDebitsAreAuditedBalancedAndIdempotent() {
        String admin = Users.adminToken();
        Users.Trader trader = fundedTrader("ledger", admin, "USDT", "1000");
        assertEquals(0, available(trader, "USDT").compareTo(new BigDecimal("1000")));

        String requestId = UUID.randomUUID().toString();
        Api.Reply debit = Api.post("/api/admin/wallet/adjustments", adjustment(trader.id(), "USDT", "-400.5", requestId), admin);
        assertEquals(201, debit.status(), debit.body());
        Api.Reply retried = Api.post("/api/admin/wallet/adjustments", adjustment(trader.id(), "USDT", "-400.5", requestId), admin);
        assertEquals(debit.json().getInt("id"), retried.json().getInt("id"), "a retry is the same adjustment");
        assertEquals(0, available(trader, "USDT").compareTo(new BigDecimal("599.5")));
        assertEquals("admin@exchange.local", debit.json().getString("operator"));

        long journalRows = Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE user_id = ?", trader.id());
        assertEquals(2, journalRows, "one journal row per change of the user's balance");
        assertEquals(0, Db.count("SELECT COUNT(*) FROM (SELECT biz_id FROM exchange_wallet.balance_journal"
                + " WHERE biz_type = 'ADJUSTMENT' GROUP BY biz_id, asset HAVING SUM(delta_available + delta_frozen) <> 0) x"),
                "every posting's legs sum to zero");
        everyAssetSumsToZero();

        // The wallet reports its changes in BalancesChanged batches; finance keeps each change as a fund flow.
        Eventually.holds(Duration.ofSeconds(20), "both changes recorded by finance", () -> Db.count(
                "SELECT COUNT(*) FROM exchange_finance.fund_flows WHERE user_id = ? AND business_type = 'ADJUSTMENT'",
                trader.id()) == 2);
        assertTrue(Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log WHERE event_type = 'BalancesChanged'"
                + " AND payload REGEXP ?", "\"userId\":" + trader.id() + "[,}]") > 0, "the batches themselves are audited");
    }

    /**
     * An instance that recorded an adjustment and died before the engine answered leaves it
     * posting (staged here by its row): the repost pass posts it, once, and the operator's retry
     * with the same request id finds it and credits nothing more.
     */
    @Test
    void anAdjustmentLeftPostingIsPostedOnceAndItsRetryChangesNothing() {
        String admin = Users.adminToken();
        Users.Trader trader = fundedTrader("posting", admin, "USDT", "100");
        String requestId = UUID.randomUUID().toString();
        assertEquals(1, Db.update("INSERT INTO exchange_wallet.adjustments (request_id, user_id, asset, amount, reason, operator,"
                + " created_at, status) VALUES (?, ?, 'USDT', 25, 'recorded by an instance that died', 'admin@exchange.local',"
                + " NOW(6) - INTERVAL 1 DAY, 'POSTING')", requestId, trader.id()));
        Eventually.holds(Duration.ofSeconds(40), "the adjustment left posting is posted", () -> "POSTED".equals(
                Db.string("SELECT status FROM exchange_wallet.adjustments WHERE request_id = ?", requestId)));
        Eventually.holds(Duration.ofSeconds(20), "credited", () -> available(trader, "USDT").compareTo(new BigDecimal("125")) == 0);

        Api.Reply retried = Api.post("/api/admin/wallet/adjustments", adjustment(trader.id(), "USDT", "25", requestId), admin);
        assertEquals(201, retried.status(), retried.body());
        assertEquals("POSTED", retried.json().getString("status"));
        assertEquals(0, available(trader, "USDT").compareTo(new BigDecimal("125")), "credited once");
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE biz_type = 'ADJUSTMENT' AND user_id = ?"
                + " AND biz_id = (SELECT CAST(id AS CHAR) FROM exchange_wallet.adjustments WHERE request_id = ?)", trader.id(), requestId));
        everyAssetSumsToZero();
    }

    @Test
    void aDebitBeyondTheBalanceOrBadInputChangesNothing() {
        String admin = Users.adminToken();
        Users.Trader trader = fundedTrader("overdraw", admin, "BTC", "0.5");
        long adjustmentsBefore = Db.count("SELECT COUNT(*) FROM exchange_wallet.adjustments WHERE user_id = ?", trader.id());

        assertError(400, "INSUFFICIENT_BALANCE", Api.post("/api/admin/wallet/adjustments",
                adjustment(trader.id(), "BTC", "-0.50000001", null), admin));
        assertError(400, "INVALID_AMOUNT", Api.post("/api/admin/wallet/adjustments",
                adjustment(trader.id(), "BTC", "0.000000001", null), admin));
        assertError(400, "INVALID_AMOUNT", Api.post("/api/admin/wallet/adjustments",
                adjustment(trader.id(), "BTC", "0", null), admin));
        assertError(400, "INVALID_AMOUNT", Api.post("/api/admin/wallet/adjustments",
                adjustment(trader.id(), "BTC", "1e20", null), admin));
        assertError(400, "UNKNOWN_ASSET", Api.post("/api/admin/wallet/adjustments",
                adjustment(trader.id(), "DOGE", "1", null), admin));
        assertError(404, "NOT_FOUND", Api.post("/api/admin/wallet/adjustments",
                adjustment(987_654_321L, "BTC", "1", null), admin));
        assertError(400, "MALFORMED_JSON", Api.post("/api/admin/wallet/adjustments",
                "{\"userId\":" + trader.id() + ",\"asset\":\"BTC\",\"amount\":\"NaN\",\"reason\":\"x\"}", admin));
        assertError(403, "FORBIDDEN", Api.post("/api/admin/wallet/adjustments",
                adjustment(trader.id(), "BTC", "1", null), trader.token()));

        assertEquals(adjustmentsBefore, Db.count("SELECT COUNT(*) FROM exchange_wallet.adjustments WHERE user_id = ?", trader.id()));
        assertEquals(0, available(trader, "BTC").compareTo(new BigDecimal("0.5")));
        everyAssetSumsToZero();
    }

    static BigDecimal available(Users.Trader trader, String asset) {
        return Api.get("/api/wallet/accounts", trader.token()).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(a -> a.getString("asset").equals(asset)).findFirst().orElseThrow()
                .getJsonNumber("available").bigDecimalValue();
    }

    /** Double entry: user balances and the exchange's own accounts cancel out, per asset. */
    static void everyAssetSumsToZero() {
        assertEquals(0, Db.count("SELECT COUNT(*) FROM (SELECT asset FROM exchange_wallet.accounts GROUP BY asset"
                + " HAVING SUM(available + frozen) <> 0) x"));
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE kind = 'USER' AND (available < 0 OR frozen < 0)"));
    }
}
