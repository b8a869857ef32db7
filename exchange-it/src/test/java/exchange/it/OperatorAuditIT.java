package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Users;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operator action on the admin API is audited (who, what, on which subject, what was asked,
 * what came of it, never a secret), and four-eyes means two operators who both existed before the
 * thing they approve: an admin cannot make a second operator to approve alone.
 */
class OperatorAuditIT {
    @Test
    void adminApiActionsAreAuditedWithoutSecrets() {
        String admin = Users.adminToken();
        Users.Trader t = Users.register("audited");
        assertEquals(200, Api.post("/api/admin/users/" + t.id() + "/wallet/freeze", "{\"reason\":\"audit check\"}", admin).status());
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_finance.operator_actions WHERE operator = 'admin@exchange.local'"
                + " AND action = 'POST admin/users/{id}/wallet/freeze' AND subject = ? AND before_state LIKE '%audit check%'",
                "id=" + t.id()));
        assertEquals(200, Api.post("/api/admin/users/" + t.id() + "/wallet/unfreeze", "{\"reason\":\"done\"}", admin).status());

        String email = "audited-" + UUID.randomUUID() + "@exchange.local";
        Api.Reply made = Api.post("/api/admin/operators", "{\"email\":\"" + email + "\",\"password\":\"" + Users.OPERATOR_PASSWORD
                + "\",\"roles\":[\"support\"]}", admin);
        assertEquals(201, made.status(), made.body());
        String row = Db.string("SELECT CONCAT(before_state, ' | ', after_state) FROM exchange_finance.operator_actions"
                + " WHERE action = 'POST admin/operators' AND after_state LIKE ?", "%" + email + "%");
        assertTrue(row != null && row.contains(email), "the creation is audited: " + row);
        assertFalse(row.contains(Users.OPERATOR_PASSWORD), "no password in the audit: " + row);
        assertFalse(row.contains(made.json().getString("totpSecret")), "no TOTP secret in the audit: " + row);
    }

    @Test
    void aNewOperatorCannotBeTheSecondPairOfEyesOnSomethingOlder() {
        String admin = Users.adminToken();
        String second = Users.secondAdminToken();
        Users.Trader t = LedgerIT.fundedTrader("four-eyes-new", admin, "ETH", "20");
        Api.Reply applied = Api.post("/api/wallet/withdraw/apply", "{\"asset\":\"ETH\",\"address\":"
                + "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\",\"amount\":12}", t.token());
        assertEquals(201, applied.status(), applied.body());
        long id = applied.json().getJsonNumber("id").longValue();
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + id + "/approve", "{}", admin).status(), "the first approval");

        String newcomer = Users.operatorToken("newcomer-" + UUID.randomUUID() + "@exchange.local", "admin");
        Api.Reply refused = Api.post("/api/admin/wallet/withdrawals/" + id + "/approve", "{}", newcomer);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("FOUR_EYES_REQUIRED", refused.errorCode());
        assertEquals("PENDING_REVIEW", WithdrawalSendIT.withdrawal(t, id).getString("status"));

        Api.Reply approved = Api.post("/api/admin/wallet/withdrawals/" + id + "/approve", "{}", second);
        assertEquals(200, approved.status(), approved.body());
        assertFalse("PENDING_REVIEW".equals(approved.json().getString("status")));
    }

    @Test
    void aLargeAdjustmentWaitsForASecondOlderOperator() {
        String admin = Users.adminToken();
        String second = Users.secondAdminToken();
        Users.Trader t = Users.register("big-adjust");
        exchange.it.support.Eventually.holds(java.time.Duration.ofSeconds(30), "accounts opened",
                () -> Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE user_id = ?", t.id()) == 3);
        Api.Reply asked = Api.post("/api/admin/wallet/adjustments", LedgerIT.adjustment(t.id(), "BTC", "1500", null), admin);
        assertEquals(202, asked.status(), asked.body());
        assertEquals("PENDING_APPROVAL", asked.json().getString("status"));
        long id = asked.json().getJsonNumber("id").longValue();
        assertEquals(0, LedgerIT.available(t, "BTC").signum(), "nothing posted yet");

        assertEquals("FOUR_EYES_REQUIRED", Api.post("/api/admin/wallet/adjustments/" + id + "/approve", "{}", admin).errorCode(),
                "not the one who asked");
        String newcomer = Users.operatorToken("newcomer-" + UUID.randomUUID() + "@exchange.local", "admin");
        assertEquals("FOUR_EYES_REQUIRED", Api.post("/api/admin/wallet/adjustments/" + id + "/approve", "{}", newcomer).errorCode(),
                "not one made after it was asked for");
        Api.Reply approved = Api.post("/api/admin/wallet/adjustments/" + id + "/approve", "{}", second);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("POSTED", approved.json().getString("status"));
        assertEquals(0, new BigDecimal("1500").compareTo(LedgerIT.available(t, "BTC")));
        assertEquals("ADJUSTMENT_NOT_PENDING", Api.post("/api/admin/wallet/adjustments/" + id + "/approve", "{}", second).errorCode());
        LedgerIT.everyAssetSumsToZero();
    }
}
