package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.OneTimeCodes;
import exchange.it.support.RawHttp;
import exchange.it.support.Users;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Everything guessable is locked out: operators sign in with a second factor (admin and finance
 * must have one) and are locked after repeated failures like traders; a trader's TOTP codes lock
 * after repeated wrong ones; sign-ins on the API and the console are limited per address; TOTP
 * secrets are stored encrypted.
 */
class SignInSecurityIT {
    @Test
    void anOperatorSignsInWithTheSecondFactorShownOnceAndIsLockedOutAfterFailures() {
        String email = "finance-" + UUID.randomUUID() + "@exchange.local";
        Api.Reply made = Api.post("/api/admin/operators", "{\"email\":\"" + email + "\",\"password\":\"" + Users.OPERATOR_PASSWORD
                + "\",\"roles\":[\"finance\"]}", Users.adminToken());
        assertEquals(201, made.status(), made.body());
        String secret = made.json().getString("totpSecret");
        assertTrue(made.json().getString("otpauthUri").startsWith("otpauth://totp/"));
        assertFalse(Api.get("/api/admin/operators", Users.adminToken()).body().contains(secret), "shown once, never listed");
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_user.operators WHERE email = ? AND totp_enc LIKE CONCAT('%', ?, '%')",
                email, secret), "stored sealed");

        assertEquals(401, login(email, Users.OPERATOR_PASSWORD, null).status(), "no code, no sign-in");
        assertEquals(200, login(email, Users.OPERATOR_PASSWORD, OneTimeCodes.next(secret)).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(email, Users.OPERATOR_PASSWORD, "000000").status());
        }
        Api.Reply locked = login(email, Users.OPERATOR_PASSWORD, OneTimeCodes.next(secret));
        assertEquals(429, locked.status(), locked.body());
        assertEquals("LOGIN_LOCKED", locked.errorCode());
    }

    @Test
    void aTradersCodesLockAfterRepeatedWrongOnes() {
        Users.Trader t = Users.register("totp-lock");
        String secret = Api.post("/api/user/2fa/setup", "{}", t.token()).json().getString("secret");
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_user.user_totp WHERE user_id = ? AND secret IS NOT NULL", t.id()),
                "the secret is not stored in plaintext");
        assertEquals(200, Api.post("/api/user/2fa/enable", "{\"code\":\"" + OneTimeCodes.next(secret) + "\"}", t.token()).status());
        for (int i = 0; i < 5; i++) {
            assertEquals("TOTP_INVALID", keyWithCode(t, "000000").errorCode());
        }
        Api.Reply locked = keyWithCode(t, OneTimeCodes.next(secret));
        assertEquals(429, locked.status(), locked.body());
        assertEquals("TOTP_LOCKED", locked.errorCode(), "a right code is refused too while locked");
    }

    @Test
    void signInsAreLimitedPerAddressOnTheApiAndTheConsole() throws Exception {
        String api = "203.0.113." + (10 + new java.util.Random().nextInt(100));
        int refusedAt = -1;
        for (int i = 1; i <= 45 && refusedAt < 0; i++) {
            RawHttp.Answer a = RawHttp.send(post("/api/user/login", api, "application/json", "{\"email\":\"nobody@example.com\",\"password\":\"x\"}"), 0);
            if (a.status() == 429) {
                refusedAt = i;
                assertTrue(a.body().contains("TOO_MANY_REQUESTS"), a.body());
            } else {
                assertEquals(401, a.status(), a.head());
            }
        }
        // 20 a minute, then 429 (21 at the latest 41 when the minute turned during the loop).
        assertTrue(refusedAt >= 21 && refusedAt <= 41, "20 sign-ins a minute from one address, then 429: " + refusedAt);

        String console = "203.0.113." + (120 + new java.util.Random().nextInt(100));
        refusedAt = -1;
        for (int i = 1; i <= 45 && refusedAt < 0; i++) {
            RawHttp.Answer a = RawHttp.send(post("/admin/login.xhtml", console, "application/x-www-form-urlencoded",
                    "login=login&login%3Aemail=admin%40exchange.local&login%3Apassword=x"), 0);
            if (a.status() == 429) {
                refusedAt = i;
            }
        }
        assertTrue(refusedAt >= 21 && refusedAt <= 41, "the console's sign-ins count the same way: " + refusedAt);
    }

    private static String post(String path, String client, String type, String body) {
        URI base = URI.create(Api.BASE);
        return "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nX-Forwarded-For: " + client
                + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static Api.Reply login(String email, String password, String code) {
        return Api.post("/api/admin/login", code == null ? Api.obj("email", email, "password", password)
                : Api.obj("email", email, "password", password, "totpCode", code));
    }

    private static Api.Reply keyWithCode(Users.Trader t, String code) {
        return Api.post("/api/user/api-keys", "{\"label\":\"x\",\"permissions\":[\"READ\"],\"totpCode\":\"" + code + "\"}", t.token());
    }
}
