package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Mailbox;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions: refresh tokens rotated at each use, logout and "log out everywhere" that stop access
 * tokens at once, the login history with new devices (and the e-mailed notice), and the lock-out
 * after repeated failures.
 */
class SessionsIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Login(String token, String refreshToken) {
    }

    @Test
    void refreshRotatesAndLogoutEndsTheSessionAtOnce() throws Exception {
        Users.Trader t = Users.register("session");
        Login a = login(t.email(), Users.PASSWORD, "it-device-a");
        assertEquals(200, Api.get("/api/user/me", a.token()).status());

        Api.Reply refreshed = Api.post("/api/user/token/refresh", "{\"refreshToken\":\"" + a.refreshToken() + "\"}");
        assertEquals(200, refreshed.status(), refreshed.body());
        Login a2 = new Login(refreshed.json().getString("token"), refreshed.json().getString("refreshToken"));
        assertNotEquals(a.refreshToken(), a2.refreshToken());
        assertError(401, "SESSION_INVALID", Api.post("/api/user/token/refresh", "{\"refreshToken\":\"" + a.refreshToken() + "\"}"));
        assertEquals(200, Api.get("/api/user/me", a2.token()).status());

        assertEquals(204, Api.post("/api/user/logout", null, a2.token()).status());
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", a2.token()));
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", a.token())); // the session's every token
        assertError(401, "SESSION_INVALID", Api.post("/api/user/token/refresh", "{\"refreshToken\":\"" + a2.refreshToken() + "\"}"));
        assertError(400, "VALIDATION_FAILED", Api.post("/api/user/token/refresh", "{}"));

        Login b = login(t.email(), Users.PASSWORD, "it-device-a");
        Login c = login(t.email(), Users.PASSWORD, "it-device-b");
        assertEquals(204, Api.post("/api/user/logout/all", null, b.token()).status());
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", b.token()));
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", c.token()));
        assertError(401, "SESSION_INVALID", Api.post("/api/user/token/refresh", "{\"refreshToken\":\"" + c.refreshToken() + "\"}"));
        assertError(401, "SESSION_INVALID", Api.get("/api/user/me", t.token())); // the sign-up token's session ended too
    }

    @Test
    void historyNewDeviceNoticeAndLockOut() throws Exception {
        Users.Trader t = Users.register("lockout");
        Login first = login(t.email(), Users.PASSWORD, "it-phone");
        int mailsBefore = Mailbox.messagesTo(t.email()).size();
        login(t.email(), Users.PASSWORD, "it-phone");
        login(t.email(), Users.PASSWORD, "it-laptop");
        Eventually.holds(Duration.ofSeconds(15), "the new-device notice arrived", () -> Mailbox.messagesTo(t.email()).stream()
                .skip(mailsBefore).map(JsonObject.class::cast).anyMatch(m -> m.toString().contains("it-laptop")));
        assertEquals(1, Mailbox.messagesTo(t.email()).stream().skip(mailsBefore).count(), "the known device got none");

        for (int i = 0; i < 5; i++) {
            assertEquals(401, loginReply(t.email(), "wrong-Passw0rd", "it-thief").statusCode());
        }
        HttpResponse<String> locked = loginReply(t.email(), Users.PASSWORD, "it-phone");
        assertEquals(429, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("LOGIN_LOCKED"));

        List<JsonObject> history = Api.get("/api/user/logins", first.token()).structure().asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(8, history.size(), history.toString());
        assertEquals(5, history.stream().filter(h -> !h.getBoolean("success")).count());
        assertTrue(history.stream().filter(h -> h.getString("userAgent").equals("it-laptop")).allMatch(h -> h.getBoolean("newDevice")));
        assertFalse(history.get(history.size() - 2).getBoolean("newDevice"), "the phone's second sign-in");
        assertEquals(0, Api.get("/api/user/logins", Users.register("lockout-other").token()).structure().asJsonArray().size());
    }

    private static Login login(String email, String password, String device) throws Exception {
        HttpResponse<String> r = loginReply(email, password, device);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = Api.parse(r.body()).asJsonObject();
        return new Login(body.getString("token"), body.getString("refreshToken"));
    }

    private static HttpResponse<String> loginReply(String email, String password, String device) throws Exception {
        String json = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/user/login")).header("Content-Type", "application/json")
                .header("User-Agent", device).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
