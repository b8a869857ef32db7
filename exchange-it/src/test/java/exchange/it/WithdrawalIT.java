package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Seed 3.4, the application and review half of a withdrawal: every bad input is a clear 400 with
 * nothing frozen; amount plus fee is frozen at once; small ones are approved automatically, larger
 * ones wait for an operator, whose rejection unfreezes; a decision is taken once.
 */
class WithdrawalIT {
    /** EIP-55's own example address, and the same with one letter's case changed. */
    private static final String ETH_ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String ETH_BAD_CHECKSUM = "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void badApplicationsAreRefusedAndFreezeNothing() {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("withdraw-bad", admin, "ETH", "2");
        fund(t, "BTC", "1", admin);
        String btc = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        String btcBadChecksum = btc.substring(0, btc.length() - 1) + (btc.endsWith("q") ? "p" : "q");

        assertError(400, "INVALID_ADDRESS", apply(t, "ETH", "ETH", "0x1234", "0.5"));
        assertError(400, "INVALID_ADDRESS", apply(t, "ETH", "ETH", ETH_BAD_CHECKSUM, "0.5"));
        assertError(400, "INVALID_ADDRESS", apply(t, "BTC", "BTC", btcBadChecksum, "0.1"));
        assertError(400, "INVALID_ADDRESS", apply(t, "BTC", "BTC", "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", "0.1"));
        assertError(400, "INVALID_ADDRESS", apply(t, "BTC", "BTC", ETH_ADDRESS, "0.1"));
        assertError(400, "INVALID_AMOUNT", apply(t, "BTC", "BTC", btc, "0.123456789"));
        assertError(400, "INVALID_AMOUNT", apply(t, "ETH", "ETH", ETH_ADDRESS, "-1"));
        assertError(400, "BELOW_MINIMUM", apply(t, "ETH", "ETH", ETH_ADDRESS, "0.001"));
        assertError(400, "INSUFFICIENT_BALANCE", apply(t, "ETH", "ETH", ETH_ADDRESS, "1.9995"));
        assertError(400, "UNKNOWN_NETWORK", apply(t, "USDT", "BTC", btc, "20"));

        assertEquals(0, new BigDecimal("2").compareTo(balance(t, "ETH", "available")));
        assertEquals(0, balance(t, "ETH", "frozen").signum());
        assertEquals(0, balance(t, "BTC", "frozen").signum());
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.withdrawals WHERE user_id = ?", t.id()));
    }

    @Test
    void smallOnesAreApprovedAtOnceLargerOnesWaitForAnOperator() {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("withdraw-ok", admin, "ETH", "2");
        fund(t, "BTC", "1", admin);
        String btc = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");

        // 0.5 ETH is under the automatic limit (5): approved, 0.5 + 0.001 fee frozen.
        Api.Reply small = apply(t, "ETH", null, ETH_ADDRESS.toLowerCase(), "0.5");
        assertEquals(201, small.status(), small.body());
        assertEquals("APPROVED", small.json().getString("status"));
        assertEquals(ETH_ADDRESS, small.json().getString("address"), "kept in its checksummed form");
        assertEquals(0, new BigDecimal("0.501").compareTo(balance(t, "ETH", "frozen")));
        assertEquals(0, new BigDecimal("1.499").compareTo(balance(t, "ETH", "available")));

        // A retried application (same requestId) is the same withdrawal, frozen once.
        Api.Reply first = Api.post("/api/wallet/withdraw/apply", body("ETH", "ETH", ETH_ADDRESS, "0.2", "req-1"), t.token());
        Api.Reply again = Api.post("/api/wallet/withdraw/apply", body("ETH", "ETH", ETH_ADDRESS, "0.2", "req-1"), t.token());
        assertEquals(first.json().getJsonNumber("id").longValue(), again.json().getJsonNumber("id").longValue());
        assertEquals(0, new BigDecimal("0.702").compareTo(balance(t, "ETH", "frozen")));

        // 0.8 BTC is over the automatic limit (0.5): it waits; rejected, it unfreezes, once.
        Api.Reply large = apply(t, "BTC", "BTC", btc, "0.8");
        assertEquals(201, large.status(), large.body());
        assertEquals("PENDING_REVIEW", large.json().getString("status"));
        long id = large.json().getJsonNumber("id").longValue();
        assertEquals(0, new BigDecimal("0.8001").compareTo(balance(t, "BTC", "frozen")));
        assertTrue(Api.get("/api/admin/wallet/withdrawals/pending", admin).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().anyMatch(w -> w.getJsonNumber("id").longValue() == id));
        assertEquals(403, Api.get("/api/admin/wallet/withdrawals/pending", t.token()).status());

        assertError(400, "VALIDATION_FAILED", Api.post("/api/admin/wallet/withdrawals/" + id + "/reject", "{}", admin));
        Api.Reply rejected = Api.post("/api/admin/wallet/withdrawals/" + id + "/reject", "{\"reason\":\"address on a sanctions list\"}", admin);
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.json().getString("status"));
        assertError(409, "WITHDRAWAL_NOT_PENDING",
                Api.post("/api/admin/wallet/withdrawals/" + id + "/reject", "{\"reason\":\"twice\"}", admin));
        assertError(409, "WITHDRAWAL_NOT_PENDING", Api.post("/api/admin/wallet/withdrawals/" + id + "/approve", "{}", admin));
        assertEquals(0, balance(t, "BTC", "frozen").signum());
        assertEquals(0, new BigDecimal("1").compareTo(balance(t, "BTC", "available")));

        // Approved by an operator: stays frozen until it is sent (the next step of #4).
        long second = apply(t, "BTC", "BTC", btc, "0.6").json().getJsonNumber("id").longValue();
        Api.Reply approved = Api.post("/api/admin/wallet/withdrawals/" + second + "/approve", "{}", admin);
        assertEquals("APPROVED", approved.json().getString("status"), approved.body());
        assertError(409, "WITHDRAWAL_NOT_PENDING", Api.post("/api/admin/wallet/withdrawals/" + second + "/approve", "{}", admin));
        assertEquals(0, new BigDecimal("0.6001").compareTo(balance(t, "BTC", "frozen")));

        assertEquals(4, Api.get("/api/wallet/withdraw/history", t.token()).structure().asJsonArray().size());
        assertEquals(0, Api.get("/api/wallet/withdraw/history", Users.register("withdraw-other").token()).structure()
                .asJsonArray().size(), "nobody sees another user's withdrawals");
        LedgerIT.everyAssetSumsToZero();
    }

    @Test
    void withTwoFactorOnAWithdrawalNeedsAFreshCodeEachTime() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("withdraw-2fa", admin, "ETH", "2");
        Api.Reply setup = Api.post("/api/user/2fa/setup", "{}", t.token());
        assertEquals(200, setup.status(), setup.body());
        String secret = setup.json().getString("secret");
        assertTrue(setup.json().getString("otpauthUri").startsWith("otpauth://totp/"));
        long step = System.currentTimeMillis() / 30_000;
        assertError(400, "TOTP_INVALID", Api.post("/api/user/2fa/enable", "{\"code\":\"" + totp(secret, step - 5) + "\"}", t.token()));
        assertEquals(200, Api.post("/api/user/2fa/enable", "{\"code\":\"" + totp(secret, step) + "\"}", t.token()).status());

        assertError(400, "TOTP_REQUIRED", apply(t, "ETH", "ETH", ETH_ADDRESS, "0.5"));
        assertError(400, "TOTP_INVALID", Api.post("/api/wallet/withdraw/apply", body2fa("0.5", "000000"), t.token()));
        String next = totp(secret, step + 1);
        Api.Reply ok = Api.post("/api/wallet/withdraw/apply", body2fa("0.5", next), t.token());
        assertEquals(201, ok.status(), ok.body());
        assertError(400, "TOTP_INVALID", Api.post("/api/wallet/withdraw/apply", body2fa("0.5", next), t.token()));
        assertEquals(0, new BigDecimal("0.501").compareTo(balance(t, "ETH", "frozen")), "only the one with a fresh code froze");
    }

    /**
     * An instance killed after the engine froze a withdrawal's funds but before the application
     * committed leaves a freeze with no withdrawal (staged here: the row removed, the freeze dated
     * back). The wallet finds it in the ledger and has the engine release it, once.
     */
    @Test
    void aFreezeWhoseWithdrawalNeverCommittedIsReleased() {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("withdraw-orphan", admin, "BTC", "1");
        String btc = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        Api.Reply large = apply(t, "BTC", "BTC", btc, "0.8"); // over the automatic limit: waits, nothing is sent
        assertEquals(201, large.status(), large.body());
        long id = large.json().getJsonNumber("id").longValue();
        assertEquals(0, new BigDecimal("0.8001").compareTo(balance(t, "BTC", "frozen")));
        exchange.it.support.Eventually.holds(java.time.Duration.ofSeconds(20), "the freeze is in the ledger", () -> Db.count(
                "SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE biz_type = 'WITHDRAW' AND biz_id = ?", Long.toString(id)) == 1);
        Db.update("DELETE FROM exchange_wallet.withdrawals WHERE id = ?", id);
        Db.update("UPDATE exchange_wallet.balance_journal SET created_at = created_at - INTERVAL 1 DAY"
                + " WHERE biz_type = 'WITHDRAW' AND biz_id = ?", Long.toString(id));

        exchange.it.support.Eventually.holds(java.time.Duration.ofSeconds(60), "the orphan freeze is released",
                () -> balance(t, "BTC", "frozen").signum() == 0);
        assertEquals(0, BigDecimal.ONE.compareTo(balance(t, "BTC", "available")));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE biz_type = 'WITHDRAW_RELEASED'"
                + " AND biz_id = ?", Long.toString(id)), "released once");
        LedgerIT.everyAssetSumsToZero();
    }

    private static String body2fa(String amount, String code) {
        return jakarta.json.Json.createObjectBuilder().add("asset", "ETH").add("address", ETH_ADDRESS)
                .add("amount", new BigDecimal(amount)).add("totpCode", code).build().toString();
    }

    static String totp(String base32, long step) {
        return exchange.it.support.OneTimeCodes.code(base32, step);
    }

    private static void fund(Users.Trader t, String asset, String amount, String admin) {
        Api.Reply r = Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), asset, amount, null), admin);
        assertEquals(201, r.status(), r.body());
    }

    private static Api.Reply apply(Users.Trader t, String asset, String network, String address, String amount) {
        return Api.post("/api/wallet/withdraw/apply", body(asset, network, address, amount, null), t.token());
    }

    private static String body(String asset, String network, String address, String amount, String requestId) {
        var b = jakarta.json.Json.createObjectBuilder().add("asset", asset).add("address", address)
                .add("amount", new BigDecimal(amount));
        if (network != null) {
            b.add("network", network);
        }
        if (requestId != null) {
            b.add("requestId", requestId);
        }
        return b.build().toString();
    }

    private static BigDecimal balance(Users.Trader t, String asset, String field) {
        return Api.get("/api/wallet/accounts", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("asset").equals(asset)).findFirst().orElseThrow().getJsonNumber(field).bigDecimalValue();
    }
}
