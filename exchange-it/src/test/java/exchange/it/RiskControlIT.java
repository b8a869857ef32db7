package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Risk control (finance): rules as data evaluated on withdrawals in the wallet's transaction and on
 * lock-outs as their events arrive; a HOLD finding holds withdrawals below the automatic limit for
 * an operator until cleared, an ALERT only records; every hit is a RiskTriggered in the audit log.
 */
class RiskControlIT {
    private static final String ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aLockOutHoldsWithdrawalsUntilAnOperatorClearsIt() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("risk", admin, "ETH", "5");

        JsonObject first = withdraw(t, "0.1");
        assertNotEquals("PENDING_REVIEW", first.getString("status"), "below the automatic limit, nothing holds it: " + first);
        List<JsonObject> alerts = findings(admin, "subjectType=WITHDRAWAL&subjectId=" + first.getJsonNumber("id"));
        assertEquals(List.of("NEW_WITHDRAW_ADDRESS"), alerts.stream().map(f -> f.getString("ruleCode")).toList());
        assertEquals("ALERT", alerts.get(0).getString("action"));

        for (int i = 0; i < 5; i++) {
            assertEquals(401, Api.post("/api/user/login", Api.obj("email", t.email(), "password", "wrong-Passw0rd")).status());
        }
        JsonObject lockOut = Eventually.get(WAIT, () -> findings(admin, "userId=" + t.id() + "&subjectType=LOGIN").stream()
                .findFirst().orElse(null));
        assertEquals("LOGIN_LOCKED_OUT", lockOut.getString("ruleCode"));
        assertEquals("HOLD", lockOut.getString("action"));

        JsonObject second = withdraw(t, "0.1");
        assertEquals("PENDING_REVIEW", second.getString("status"), second.toString());
        assertTrue(second.getString("reason").contains("LOGIN_LOCKED_OUT"), second.toString());
        assertEquals(0, findings(admin, "subjectType=WITHDRAWAL&subjectId=" + second.getJsonNumber("id")).size(),
                "the address is no longer new");
        Eventually.holds(WAIT, "RiskTriggered audited", () -> Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log"
                + " WHERE event_type = 'RiskTriggered' AND payload REGEXP ?", "\"userId\":" + t.id() + "[,}]") == 2);

        long findingId = lockOut.getJsonNumber("id").longValue();
        assertEquals(403, Api.post("/api/admin/risk/findings/" + findingId + "/clear", "{}", t.token()).status());
        JsonObject cleared = Api.post("/api/admin/risk/findings/" + findingId + "/clear", "{}", admin).json();
        assertEquals("CLEARED", cleared.getString("status"));
        assertEquals("admin@exchange.local", cleared.getString("clearedBy"));
        assertNotEquals("PENDING_REVIEW", withdraw(t, "0.1").getString("status"), "cleared: automatic again");
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + second.getJsonNumber("id") + "/reject",
                "{\"reason\":\"risk test\"}", admin).status());
    }

    @Test
    void aLargeOrderRaisesAnAlertAndStillTrades() {
        String admin = Users.adminToken();
        Users.Trader whale = fundedTrader("risk-whale", admin, "USDT", "600000");
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.001", "1");
        Api.Reply big = TradingIT.order(whale, TradingIT.limit(symbol, "BUY", "500000", "1"));
        assertEquals(201, big.status(), big.body());
        String orderId = big.json().getJsonNumber("orderId").toString();
        JsonObject finding = Eventually.get(WAIT, () -> findings(admin, "subjectType=ORDER&subjectId=" + orderId).stream()
                .findFirst().orElse(null));
        assertEquals("LARGE_ORDER_USDT", finding.getString("ruleCode"));
        assertEquals("ALERT", finding.getString("action"));
        Api.Reply small = TradingIT.order(whale, TradingIT.limit(symbol, "BUY", "100", "1"));
        String smallId = small.json().getJsonNumber("orderId").toString();
        TradingIT.awaitStatus(whale, Long.parseLong(smallId), "NEW");
        // Once risk has consumed everything on trade-events, the small order has been looked at too.
        Eventually.holds(WAIT, "risk caught up", () -> Api.get("/api/admin/operations/backlog", admin).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(b -> b.getString("group").equals("risk-service-group")
                        && b.getString("topic").equals("trade-events")).allMatch(b -> b.getJsonNumber("lag").longValue() == 0));
        assertEquals(0, findings(admin, "subjectType=ORDER&subjectId=" + smallId).size(), "below the threshold: nothing");
    }

    @Test
    void rulesAreDataThatOperatorsEdit() {
        String admin = Users.adminToken();
        JsonObject large = Api.get("/api/admin/risk/rules", admin).structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("code").equals("LARGE_WITHDRAWAL_ETH")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("20").compareTo(large.getJsonNumber("threshold").bigDecimalValue()));
        assertEquals("HOLD", large.getString("action"));

        assertEquals(400, Api.put("/api/admin/risk/rules/LARGE_WITHDRAWAL_ETH", "{\"action\":\"BLOCK\"}", admin).status());
        assertEquals(400, Api.put("/api/admin/risk/rules/LARGE_WITHDRAWAL_ETH", "{\"threshold\":-1}", admin).status());
        assertEquals(404, Api.put("/api/admin/risk/rules/NO_SUCH_RULE", "{\"enabled\":true}", admin).status());
        assertEquals(403, Api.put("/api/admin/risk/rules/LARGE_WITHDRAWAL_ETH", "{\"enabled\":true}",
                Users.register("risk-trader").token()).status());
        JsonObject kept = Api.put("/api/admin/risk/rules/LARGE_WITHDRAWAL_ETH", "{\"enabled\":true}", admin).json();
        assertEquals("admin@exchange.local", kept.getString("updatedBy"));
        assertEquals(0, new BigDecimal("20").compareTo(kept.getJsonNumber("threshold").bigDecimalValue()), "the rest unchanged");
    }

    private static JsonObject withdraw(Users.Trader t, String amount) {
        Api.Reply r = Api.post("/api/wallet/withdraw/apply", "{\"asset\":\"ETH\",\"network\":\"ETH\",\"address\":\"" + ADDRESS
                + "\",\"amount\":" + amount + ",\"requestId\":\"" + UUID.randomUUID() + "\"}", t.token());
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static List<JsonObject> findings(String admin, String query) {
        return Api.get("/api/admin/risk/findings?" + query, admin).structure().asJsonArray().getValuesAs(JsonObject.class);
    }
}
