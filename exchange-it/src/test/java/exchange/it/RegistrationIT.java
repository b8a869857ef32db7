package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Mailbox;
import exchange.it.support.Users;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Seed 2.1 / 3.1: sign-up with an e-mailed code, login, token, and what the other services do with it. */
class RegistrationIT {
    private static final Duration EVENT_DELIVERY = Duration.ofSeconds(20);

    @Test
    void signUpCarriesAUserFromCodeToAccountsAndAuditLog() {
        String email = Users.uniqueEmail("flow");
        assertEquals(202, Api.post("/api/user/register/code", Api.obj("email", email)).status());
        JsonObject mail = Eventually.get(Duration.ofSeconds(10), () -> Mailbox.latest(email));
        assertTrue(mail.getString("subject").matches("Your verification code: \\d{6}"), mail.toString());

        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            long ttl = redis.ttl("user:code:email:" + email);
            assertTrue(ttl > 280 && ttl <= 300, "code TTL is five minutes, was " + ttl);
        }

        Api.Reply registered = Api.post("/api/user/register",
                Api.obj("email", email.toUpperCase(), "code", Mailbox.latestCode(email), "password", Users.PASSWORD));
        assertEquals(201, registered.status(), registered.body());
        long userId = registered.json().getJsonNumber("userId").longValue();
        String token = registered.json().getString("token");
        assertEquals(email, registered.json().getString("email"), "e-mail is stored lower-case");

        Api.Reply me = Api.get("/api/user/me", token);
        assertEquals(200, me.status(), me.body());
        assertEquals(userId, me.json().getJsonNumber("id").longValue());

        // wallet-service-group consumed UserRegistered: one zero account per listed asset
        JsonArray accounts = Eventually.get(EVENT_DELIVERY, () -> {
            JsonArray a = (JsonArray) Api.get("/api/wallet/accounts", token).structure();
            return a.size() == 3 ? a : null;
        });
        for (JsonObject account : accounts.getValuesAs(JsonObject.class)) {
            assertEquals(0, account.getJsonNumber("available").bigDecimalValue().compareTo(BigDecimal.ZERO));
            assertEquals(0, account.getJsonNumber("frozen").bigDecimalValue().compareTo(BigDecimal.ZERO));
        }

        Api.Reply login = Api.post("/api/user/login", Api.obj("email", email, "password", Users.PASSWORD));
        assertEquals(200, login.status(), login.body());

        // finance-service-group audited both events, once each
        String admin = Users.adminToken();
        for (String type : new String[] {"UserRegistered", "UserLoggedIn"}) {
            Eventually.holds(EVENT_DELIVERY, type + " audited", () -> Api.get(
                    "/api/admin/audit?type=" + type + "&subject=" + userId, admin).json().getInt("total") == 1);
        }
        // the code is spent once the account exists
        try (JedisPooled redis = new JedisPooled("127.0.0.1", 6379)) {
            assertEquals(null, redis.get("user:code:email:" + email));
        }
    }

    @Test
    void aDuplicateEmailIsRejectedAndWritesNothing() {
        Users.Trader existing = Users.register("dup");
        long before = Db.count("SELECT COUNT(*) FROM exchange_user.outbox");
        // a fresh code cannot be had within the minute, so reuse of the address is checked first
        Api.Reply reply = Api.post("/api/user/register",
                Api.obj("email", existing.email(), "code", "123456", "password", Users.PASSWORD));
        assertEquals(409, reply.status());
        assertEquals("EMAIL_TAKEN", reply.errorCode());
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_user.users WHERE email = ?", existing.email()));
        assertEquals(before, Db.count("SELECT COUNT(*) FROM exchange_user.outbox"));
    }

    @Test
    void wrongCodesCountAndTheFifthBurnsTheCode() {
        String email = Users.uniqueEmail("tries");
        assertEquals(202, Api.post("/api/user/register/code", Api.obj("email", email)).status());
        String code = Mailbox.latestCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            Api.Reply r = Api.post("/api/user/register", Api.obj("email", email, "code", wrong, "password", Users.PASSWORD));
            assertEquals(400, r.status());
            assertEquals("CODE_INVALID", r.errorCode());
        }
        assertEquals("CODE_TRIES_EXCEEDED", Api.post("/api/user/register",
                Api.obj("email", email, "code", wrong, "password", Users.PASSWORD)).errorCode());
        Api.Reply late = Api.post("/api/user/register", Api.obj("email", email, "code", code, "password", Users.PASSWORD));
        assertEquals(400, late.status());
        assertEquals("CODE_EXPIRED", late.errorCode());
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_user.users WHERE email = ?", email));
    }

    @Test
    void oneCodePerAddressPerMinute() {
        String email = Users.uniqueEmail("rate");
        assertEquals(202, Api.post("/api/user/register/code", Api.obj("email", email)).status());
        Api.Reply second = Api.post("/api/user/register/code", Api.obj("email", email));
        assertEquals(429, second.status());
        assertEquals("CODE_RATE_LIMITED", second.errorCode());
        Eventually.holds(Duration.ofSeconds(5), "first mail arrives", () -> Mailbox.messagesTo(email).size() == 1);
        assertEquals(1, Mailbox.messagesTo(email).size());
    }

    @Test
    void badInputGetsAMachineReadable4xxAndWritesNothing() {
        String email = Users.uniqueEmail("bad");
        assertEquals(202, Api.post("/api/user/register/code", Api.obj("email", email)).status());
        String code = Mailbox.latestCode(email);

        assertError(400, "WEAK_PASSWORD", Api.post("/api/user/register", Api.obj("email", email, "code", code, "password", "short1")));
        assertError(400, "WEAK_PASSWORD", Api.post("/api/user/register", Api.obj("email", email, "code", code, "password", "onlyletters")));
        assertError(400, "INVALID_EMAIL", Api.post("/api/user/register/code", Api.obj("email", "not-an-email")));
        assertError(400, "MALFORMED_JSON", Api.post("/api/user/register", "{\"email\": \"x@y.io\", "));
        Api.Reply missing = Api.post("/api/user/register", Api.obj("email", email));
        assertError(400, "VALIDATION_FAILED", missing);
        assertTrue(missing.json().getString("message").contains("password"), missing.body());
        assertError(400, "VALIDATION_FAILED", Api.post("/api/user/register", null));
        assertError(401, "BAD_CREDENTIALS", Api.post("/api/user/login", Api.obj("email", email, "password", Users.PASSWORD)));

        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_user.users WHERE email = ?", email));
        // the code survived the rejected attempts and still works
        assertEquals(201, Api.post("/api/user/register", Api.obj("email", email, "code", code, "password", Users.PASSWORD)).status());
    }

    @Test
    void loginWithAWrongPasswordIsRejected() {
        Users.Trader trader = Users.register("login");
        assertError(401, "BAD_CREDENTIALS", Api.post("/api/user/login", Api.obj("email", trader.email(), "password", "Wrong-passw0rd")));
        assertEquals(200, Api.post("/api/user/login", Api.obj("email", trader.email(), "password", Users.PASSWORD)).status());
    }

    static void assertError(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.errorCode(), reply.body());
    }
}
