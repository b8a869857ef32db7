package exchange.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Signs traders up through the real API and operators in through the admin API. */
public final class Users {
    public static final String PASSWORD = "s3cret-Passw0rd";

    private Users() {
    }

    public record Trader(long id, String email, String token) {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    public static Trader register(String prefix) {
        String email = uniqueEmail(prefix);
        assertEquals(202, Api.post("/api/user/register/code", Api.obj("email", email)).status());
        Api.Reply reply = Api.post("/api/user/register",
                Api.obj("email", email, "code", Mailbox.latestCode(email), "password", PASSWORD));
        assertEquals(201, reply.status(), reply.body());
        JsonObject body = reply.json();
        return new Trader(body.getJsonNumber("userId").longValue(), email, body.getString("token"));
    }

    public static String adminPassword() {
        try {
            return Files.readString(work().resolve("keys").resolve("admin-password")).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bootstrap admin's TOTP secret, made by ./exchange beside its password. */
    public static String adminTotpSecret() {
        try {
            return Files.readString(work().resolve("keys").resolve("admin-totp")).trim();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Signed(String token, long until) {
    }

    /** Operators' tokens, kept for the run: each sign-in spends one of the operator's TOTP steps. */
    private static final Map<String, Signed> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    public static String adminToken() {
        return signedIn("admin@exchange.local", adminPassword(), adminTotpSecret());
    }

    /**
     * A second operator with the admin role (made once per database), for four-eyes approvals.
     * Four-eyes counts only operators made before what they approve, and EclipseLink stores the
     * creation time to the second on MariaDB: so this returns once that second has passed, and
     * whatever the test asks for next is strictly younger than this operator.
     */
    public static String secondAdminToken() {
        String token = operatorToken("second-admin@exchange.local", "admin");
        Eventually.holds(java.time.Duration.ofSeconds(5), "the second admin's creation second has passed", () -> Db.count(
                "SELECT COUNT(*) FROM exchange_user.operators WHERE email = 'second-admin@exchange.local'"
                        + " AND created_at < UTC_TIMESTAMP(6) - INTERVAL 1 SECOND") == 1);
        return token;
    }

    /**
     * An operator with one role, made once per database with a password the tests know; its TOTP
     * secret is the one shown at creation, or (made by an earlier run) a new one an admin issues.
     */
    public static String operatorToken(String email, String role) {
        return signedIn(email, OPERATOR_PASSWORD, operatorSecret(email, role));
    }

    public static final String OPERATOR_PASSWORD = "Operator-Passw0rd";

    /** The operator's TOTP secret for this run (making the operator, or a new secret, once). */
    public static synchronized String operatorSecret(String email, String role) {
        return SECRETS.computeIfAbsent(email, e -> {
            String admin = adminToken();
            Api.Reply made = Api.post("/api/admin/operators", "{\"email\":\"" + e + "\",\"password\":\"" + OPERATOR_PASSWORD
                    + "\",\"roles\":[\"" + role + "\"]}", admin);
            if (made.status() == 201) {
                return made.json().getString("totpSecret");
            }
            if (made.status() != 409) {
                throw new IllegalStateException("operator " + e + " not made: " + made.body());
            }
            long id = Api.get("/api/admin/operators", admin).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(o -> o.getString("email").equals(e)).findFirst().orElseThrow().getJsonNumber("id").longValue();
            Api.Reply renewed = Api.post("/api/admin/operators/" + id + "/second-factor", "{}", admin);
            assertEquals(200, renewed.status(), renewed.body());
            return renewed.json().getString("totpSecret");
        });
    }

    /** A code for the operator's next sign-in (the bootstrap admin, or one made by {@link #operatorToken}). */
    public static String nextCode(String email) {
        String secret = "admin@exchange.local".equals(email) ? adminTotpSecret() : SECRETS.get(email);
        if (secret == null) {
            throw new IllegalStateException("no TOTP secret known for " + email + ": make it with operatorToken first");
        }
        return OneTimeCodes.next(secret);
    }

    private static String signedIn(String email, String password, String secret) {
        Signed kept = TOKENS.get(email);
        if (kept != null && System.currentTimeMillis() < kept.until()) {
            return kept.token();
        }
        Api.Reply reply = Api.post("/api/admin/login", Api.obj("email", email, "password", password, "totpCode", OneTimeCodes.next(secret)));
        assertEquals(200, reply.status(), reply.body());
        String token = reply.json().getString("token");
        TOKENS.put(email, new Signed(token, System.currentTimeMillis() + 30 * 60_000));
        return token;
    }

    public static Path work() {
        return Path.of(System.getProperty("exchange.work", ".work"));
    }
}
