package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The withdrawal whitelist: changing it needs two-factor authentication; with it on, an address
 * that is not on it is refused with nothing frozen; nobody touches another user's entries.
 */
class WithdrawWhitelistIT {
    private static final String LISTED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String OTHER = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

    @Test
    void onlyWhitelistedAddressesOnceItIsOn() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("whitelist", admin, "ETH", "2");
        assertError(400, "TOTP_NOT_ENABLED", add(t, "ETH", LISTED, null));

        String secret = Api.post("/api/user/2fa/setup", "{}", t.token()).json().getString("secret");
        long step = System.currentTimeMillis() / 30_000;
        assertEquals(200, Api.post("/api/user/2fa/enable",
                "{\"code\":\"" + WithdrawalIT.totp(secret, step - 1) + "\"}", t.token()).status());

        assertError(400, "TOTP_REQUIRED", add(t, "ETH", LISTED, null));
        assertError(400, "TOTP_INVALID", add(t, "ETH", LISTED, "000000"));
        String second = WithdrawalIT.totp(secret, step);
        assertError(400, "INVALID_ADDRESS", add(t, "ETH", "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed", second));
        assertError(400, "UNKNOWN_NETWORK", add(t, "DOGE", LISTED, second));
        Api.Reply added = add(t, "ETH", LISTED.toLowerCase(), second);
        assertEquals(201, added.status(), added.body());
        assertEquals(LISTED, added.json().getString("address"), "kept checksummed");
        long entry = added.json().getJsonNumber("id").longValue();

        assertError(400, "TOTP_INVALID", Api.post("/api/wallet/withdraw/whitelist/enable", code(second), t.token()));
        Api.Reply on = Api.post("/api/wallet/withdraw/whitelist/enable", code(WithdrawalIT.totp(secret, step + 1)), t.token());
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().getBoolean("enabled"));
        assertEquals(1, on.json().getJsonArray("addresses").size());

        // A withdrawal needs a code newer than the last one used: wait for the clock's next step.
        while (System.currentTimeMillis() / 30_000 < step + 1) {
            Thread.sleep(500);
        }
        String fresh = WithdrawalIT.totp(secret, step + 2);
        assertError(400, "ADDRESS_NOT_WHITELISTED", withdraw(t, OTHER, fresh));
        assertEquals(0, frozen(t).signum(), "nothing frozen");
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.withdrawals WHERE user_id = ?", t.id()));
        Api.Reply ok = withdraw(t, LISTED, fresh); // the refused request used no code: its transaction rolled back
        assertEquals(201, ok.status(), ok.body());

        Users.Trader stranger = Users.register("whitelist-other");
        assertError(404, "NOT_FOUND", Api.delete("/api/wallet/withdraw/whitelist/" + entry, stranger.token()));
        assertFalse(Api.get("/api/wallet/withdraw/whitelist", stranger.token()).json().getBoolean("enabled"));
        assertEquals(0, Api.get("/api/wallet/withdraw/whitelist", stranger.token()).json().getJsonArray("addresses").size());
        assertEquals(204, Api.delete("/api/wallet/withdraw/whitelist/" + entry, t.token()).status());
        assertEquals(0, Api.get("/api/wallet/withdraw/whitelist", t.token()).json().getJsonArray("addresses").size());
    }

    private static Api.Reply add(Users.Trader t, String network, String address, String totp) {
        var b = Json.createObjectBuilder().add("network", network).add("address", address).add("label", "cold storage");
        if (totp != null) {
            b.add("totpCode", totp);
        }
        return Api.post("/api/wallet/withdraw/whitelist", b.build().toString(), t.token());
    }

    private static Api.Reply withdraw(Users.Trader t, String address, String totp) {
        return Api.post("/api/wallet/withdraw/apply", Json.createObjectBuilder().add("asset", "ETH").add("address", address)
                .add("amount", new BigDecimal("0.5")).add("totpCode", totp).build().toString(), t.token());
    }

    private static String code(String totp) {
        return Json.createObjectBuilder().add("totpCode", totp).build().toString();
    }

    private static BigDecimal frozen(Users.Trader t) {
        return Api.get("/api/wallet/accounts", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("asset").equals("ETH")).findFirst().orElseThrow().getJsonNumber("frozen").bigDecimalValue();
    }
}
