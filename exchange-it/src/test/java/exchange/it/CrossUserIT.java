package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cross-user matrix: every endpoint that takes an id or a key, called by another user with the
 * first user's id or key, leaks nothing and changes nothing; every list shows only the caller's own.
 */
class CrossUserIT {
    @Test
    void anotherUsersIdsAndKeysLeakAndChangeNothing() {
        String admin = Users.adminToken();
        Users.Trader owner = LedgerIT.fundedTrader("matrix-owner", admin, "USDT", "1000");
        Users.Trader other = LedgerIT.fundedTrader("matrix-other", admin, "USDT", "1000");

        Api.Reply placed = Api.post("/api/trade/order/create",
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":1000,\"quantity\":0.01}", owner.token());
        assertEquals(201, placed.status(), placed.body());
        long orderId = placed.json().getJsonNumber("orderId").longValue();
        Eventually.holds(Duration.ofSeconds(20), "resting", () -> "NEW".equals(Api.get("/api/trade/order/" + orderId, owner.token())
                .json().getString("status")));
        long keyId = Api.post("/api/user/api-keys", "{\"label\":\"mine\"}", owner.token()).json().getJsonNumber("id").longValue();
        String listenKey = Api.post("/api/user/stream", null, owner.token()).json().getString("listenKey");

        // By id or key, as the other user: nothing found, nothing done.
        List<Supplier<Api.Reply>> probes = List.of(
                () -> Api.get("/api/trade/order/" + orderId, other.token()),
                () -> Api.post("/api/trade/order/cancel", "{\"orderId\":" + orderId + "}", other.token()),
                () -> Api.delete("/api/user/api-keys/" + keyId, other.token()),
                () -> Api.put("/api/user/stream?listenKey=" + listenKey, "", other.token()),
                () -> Api.delete("/api/user/stream?listenKey=" + listenKey, other.token()));
        // Whitelist entries (WithdrawWhitelistIT) and Binance orders by another key (BinanceApiIT) are probed where they are made.
        for (Supplier<Api.Reply> probe : probes) {
            Api.Reply r = probe.get();
            assertEquals(404, r.status(), r.body());
            assertFalse(r.body().contains(owner.email()), "no trace of the owner in " + r.body());
        }
        assertEquals("NEW", Api.get("/api/trade/order/" + orderId, owner.token()).json().getString("status"), "still open");
        assertEquals(1, Api.get("/api/user/api-keys", owner.token()).structure().asJsonArray().size(), "key still there");
        assertEquals(200, Api.put("/api/user/stream?listenKey=" + listenKey, "", owner.token()).status(), "listen key still there");

        // Lists: the other user's are their own only.
        for (String list : List.of("/api/trade/orders/open", "/api/trade/orders/history", "/api/trade/trades",
                "/api/wallet/withdraw/history", "/api/wallet/recharge/history", "/api/wallet/flows", "/api/user/api-keys",
                "/api/user/logins")) {
            Api.Reply r = Api.get(list, other.token());
            assertEquals(200, r.status(), list + ": " + r.body());
            assertFalse(r.body().contains("\"orderId\":" + orderId) || r.body().contains("\"id\":" + keyId + ","),
                    list + " shows nothing of the owner's: " + r.body());
        }
        List<JsonObject> accounts = Api.get("/api/wallet/accounts", other.token()).structure().asJsonArray().getValuesAs(JsonObject.class);
        assertTrue(accounts.stream().anyMatch(a -> a.getString("asset").equals("USDT")
                && a.getJsonNumber("frozen").bigDecimalValue().signum() == 0), "the owner's freeze is not on the other's account");

        // Operators' endpoints are not a trader's.
        for (String adminOnly : List.of("/api/admin/users", "/api/admin/audit", "/api/admin/wallet/withdrawals/pending",
                "/api/admin/wallet/hot-wallets", "/api/admin/finance/flows?userId=" + owner.id())) {
            assertEquals(403, Api.get(adminOnly, other.token()).status(), adminOnly);
        }
        assertEquals(202, Api.post("/api/trade/order/cancel", "{\"orderId\":" + orderId + "}", owner.token()).status());
    }
}
