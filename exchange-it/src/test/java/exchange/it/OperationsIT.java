package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.RegistrationIT.assertError;
import static exchange.it.TradingIT.limit;
import static exchange.it.TradingIT.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operations: the exchange-wide read-only switch, and each consumer group's backlog as the broker counts it. */
class OperationsIT {

    @Test
    void readOnlyStopsNewOrdersAndWithdrawalsButNotCancels() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("read-only", admin, "USDT", "1000");
        long resting = order(t, limit("BUY", "10", "1")).json().getJsonNumber("orderId").longValue();
        assertEquals(403, Api.put("/api/admin/operations/read-only", "{\"readOnly\":true}", t.token()).status());
        try {
            assertEquals(true, Api.put("/api/admin/operations/read-only", "{\"readOnly\":true}", admin).json().getBoolean("readOnly"));
            assertError(503, "EXCHANGE_READ_ONLY", order(t, limit("BUY", "10", "1")));
            assertError(503, "EXCHANGE_READ_ONLY", Api.post("/api/wallet/withdraw/apply", "{\"asset\":\"USDT\",\"network\":\"ETH\","
                    + "\"address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\",\"amount\":20,\"requestId\":\"" + UUID.randomUUID() + "\"}", t.token()));
            assertEquals(202, Api.post("/api/trade/order/cancel", "{\"orderId\":" + resting + "}", t.token()).status(), "cancels still work");
            assertEquals(200, Api.get("/api/trade/depth?symbol=BTCUSDT", null).status(), "reading still works");
        } finally {
            assertEquals(false, Api.put("/api/admin/operations/read-only", "{\"readOnly\":false}", admin).json().getBoolean("readOnly"));
        }
        assertEquals(201, order(t, limit("BUY", "10", "1")).status());
        assertTrue(Db.count("SELECT COUNT(*) FROM exchange_finance.operator_actions WHERE action = 'exchange.read-only'") >= 2);
    }

    @Test
    void theBacklogOfEachGroupComesFromTheBroker() {
        String admin = Users.adminToken();
        Users.register("backlog");
        List<JsonObject> backlog = Api.get("/api/admin/operations/backlog", admin).structure().asJsonArray().getValuesAs(JsonObject.class);
        JsonObject financeUsers = backlog.stream().filter(b -> b.getString("group").equals("finance-service-group")
                && b.getString("topic").equals("user-events")).findFirst().orElseThrow(() -> new AssertionError(backlog.toString()));
        assertTrue(financeUsers.getJsonNumber("brokerOffset").longValue() > 0, financeUsers.toString());
        assertTrue(financeUsers.getJsonNumber("lag").longValue() >= 0);
        assertEquals(financeUsers.getJsonNumber("brokerOffset").longValue() - financeUsers.getJsonNumber("consumerOffset").longValue(),
                financeUsers.getJsonNumber("lag").longValue());
        assertTrue(backlog.stream().anyMatch(b -> b.getString("group").equals("wallet-service-group")), backlog.toString());

        List<JsonObject> outboxes = Api.get("/api/admin/operations/outboxes", admin).structure().asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("finance-service-group", "trade-service-group", "user-service-group", "wallet-service-group"),
                outboxes.stream().map(o -> o.getString("producerGroup")).toList());
        assertTrue(outboxes.stream().allMatch(o -> o.getJsonNumber("unsent").longValue() >= 0), outboxes.toString());
    }
}
