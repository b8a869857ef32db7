package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operators freeze a user (no sign-in, no token of theirs works, their API keys neither) or only
 * their wallet (no withdrawal applied for or approved); both undone by unfreezing, both audited
 * as UserStatusChanged and WalletFrozen.
 */
class FreezeIT {
    private static final String ADDRESS = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void aFrozenUserIsLockedOutEverywhereUntilUnfrozen() {
        String admin = Users.adminToken();
        Users.Trader t = Users.register("frozen");
        String session = Api.post("/api/user/login", Api.obj("email", t.email(), "password", Users.PASSWORD)).json().getString("token");
        assertEquals(200, Api.get("/api/user/me", session).status());
        // A key just used (so this node remembers it as checked) is refused the moment its owner is frozen.
        BinanceApiIT.Key key = BinanceApiIT.newKey(t, java.util.List.of("TRADE"), java.util.List.of());
        assertEquals(200, account(key).status());

        assertEquals(403, Api.post("/api/admin/users/" + t.id() + "/freeze", "{\"reason\":\"x\"}", t.token()).status());
        assertError(400, "VALIDATION_FAILED", Api.post("/api/admin/users/" + t.id() + "/freeze", "{}", admin));
        Api.Reply frozen = Api.post("/api/admin/users/" + t.id() + "/freeze", "{\"reason\":\"stolen credentials reported\"}", admin);
        assertEquals("FROZEN", frozen.json().getString("status"), frozen.body());

        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", session));
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", t.token()));
        assertEquals(403, Api.post("/api/user/login", Api.obj("email", t.email(), "password", Users.PASSWORD)).status());
        assertEquals(404, Api.post("/api/admin/users/999999999/freeze", "{\"reason\":\"x\"}", admin).status());
        BinanceApiIT.Reply refused = account(key);
        assertEquals(401, refused.status());
        assertEquals(-2015, refused.json().getInt("code"));

        assertEquals("ACTIVE", Api.post("/api/admin/users/" + t.id() + "/unfreeze", "{}", admin).json().getString("status"));
        Api.Reply again = Api.post("/api/user/login", Api.obj("email", t.email(), "password", Users.PASSWORD));
        assertEquals(200, again.status());
        assertEquals(200, Api.get("/api/user/me", again.json().getString("token")).status());
        assertEquals(200, account(key).status(), "the key itself was never deleted");
        // Sessions the freeze ended stay ended, the sign-up token's too: unfreezing opens no old door.
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", t.token()));
        Eventually.holds(Duration.ofSeconds(20), "UserStatusChanged audited twice", () -> Db.count("SELECT COUNT(*) FROM"
                + " exchange_finance.audit_log WHERE event_type = 'UserStatusChanged' AND subject = ?", Long.toString(t.id())) == 2);
    }

    private static BinanceApiIT.Reply account(BinanceApiIT.Key key) {
        try {
            return BinanceApiIT.signed("GET", "/api/v3/account", "", key, System.currentTimeMillis(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFrozenWalletPaysNothingOut() {
        String admin = Users.adminToken();
        Users.Trader t = fundedTrader("frozen-wallet", admin, "ETH", "20");
        String pending = Api.post("/api/wallet/withdraw/apply", withdrawal("6"), t.token()).json().getJsonNumber("id").toString();

        Api.Reply frozen = Api.post("/api/admin/users/" + t.id() + "/wallet/freeze", "{\"reason\":\"court order\"}", admin);
        assertEquals(true, frozen.json().getBoolean("walletFrozen"), frozen.body());
        assertError(403, "WALLET_FROZEN", Api.post("/api/wallet/withdraw/apply", withdrawal("1"), t.token()));
        assertEquals(0, new BigDecimal("13.999").compareTo(LedgerIT.available(t, "ETH")), "only the first one frozen");
        assertError(403, "WALLET_FROZEN", Api.post("/api/admin/wallet/withdrawals/" + pending + "/approve", "{}", admin));
        assertEquals(200, Api.get("/api/user/me", t.token()).status(), "the user still signs in and trades");

        assertEquals(false, Api.post("/api/admin/users/" + t.id() + "/wallet/unfreeze", "{}", admin).json().getBoolean("walletFrozen"));
        assertEquals(201, Api.post("/api/wallet/withdraw/apply", withdrawal("1"), t.token()).status());
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + pending + "/reject", "{\"reason\":\"test\"}", admin).status());
        Eventually.holds(Duration.ofSeconds(20), "WalletFrozen audited twice", () -> Db.count("SELECT COUNT(*) FROM"
                + " exchange_finance.audit_log WHERE event_type = 'WalletFrozen' AND subject = ?", Long.toString(t.id())) == 2);
    }

    private static String withdrawal(String amount) {
        return "{\"asset\":\"ETH\",\"network\":\"ETH\",\"address\":\"" + ADDRESS + "\",\"amount\":" + amount
                + ",\"requestId\":\"" + UUID.randomUUID() + "\"}";
    }
}
