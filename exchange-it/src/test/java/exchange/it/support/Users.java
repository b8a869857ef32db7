package exchange.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

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

    public static String adminToken() {
        Api.Reply reply = Api.post("/api/admin/login", Api.obj("email", "admin@exchange.local", "password", adminPassword()));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    /** A second operator with the admin role (made once per database), for four-eyes approvals. */
    public static String secondAdminToken() {
        return operatorToken("second-admin@exchange.local", "admin");
    }

    /** An operator with one role, made once per database with a password the tests know. */
    public static String operatorToken(String email, String role) {
        String password = "Operator-Passw0rd";
        Api.Reply made = Api.post("/api/admin/operators", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"]}", adminToken());
        if (made.status() != 201 && made.status() != 409) {
            throw new IllegalStateException("operator " + email + " not made: " + made.body());
        }
        Api.Reply reply = Api.post("/api/admin/login", Api.obj("email", email, "password", password));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    public static Path work() {
        return Path.of(System.getProperty("exchange.work", ".work"));
    }
}
