package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.RawHttp;
import exchange.it.support.Users;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paths an attacker writes to slip past an access decision, sent byte for byte: none of them
 * opens a console page without signing in, nor an API endpoint without its token.
 */
class PathTricksIT {
    /** Every console page, reached through the tricks below. */
    private static final List<String> PAGES = List.of("withdrawals", "users", "user", "kyc", "audit", "finance",
            "reports", "risk", "markets", "operations", "operators");
    private static final List<String> TRICKS = List.of(
            "/admin/jakarta.faces.resource/%2e%2e/PAGE.xhtml",
            "/admin/jakarta.faces.resource/%2E%2E/PAGE.xhtml",
            "/admin/jakarta.faces.resource/.%2e/PAGE.xhtml",
            "/admin/jakarta.faces.resource/../PAGE.xhtml",
            "/admin/jakarta.faces.resource/..;/PAGE.xhtml",
            "/admin/jakarta.faces.resource/%252e%252e/PAGE.xhtml",
            "/admin/jakarta.faces.resource/..%5cPAGE.xhtml",
            "/admin/jakarta.faces.resource\\..\\PAGE.xhtml",
            "/admin/jakarta.faces.resource/..%2fPAGE.xhtml",
            "/admin/jakarta.faces.resource/%2e%2e%2fPAGE.xhtml",
            "/admin//PAGE.xhtml",
            "/admin/./PAGE.xhtml",
            "/admin/PAGE.xhtml;jsessionid=0123456789ABCDEF",
            "/admin/login.xhtml/../PAGE.xhtml",
            "/admin/login.xhtml;/../PAGE.xhtml",
            "/admin/PAGE.xhtml%00.css",
            "/admin/jakarta.faces.resource/faces.js.xhtml/../../PAGE.xhtml");

    @Test
    void noTrickOpensAConsolePageWithoutSigningIn() throws Exception {
        int tried = 0;
        for (String page : PAGES) {
            for (String trick : TRICKS) {
                String path = trick.replace("PAGE", page);
                RawHttp.Answer a = RawHttp.get(path);
                tried++;
                assertFalse(a.status() == 200 && a.body().contains("signout"), path + " rendered a console page: " + a.head());
                assertFalse(a.body().contains("admin@exchange.local"), path + " showed an operator");
                assertTrue(a.status() == 400 || a.status() == 404 || a.status() == 302 && a.header("Location").endsWith("/login.xhtml"),
                        path + " answered " + a.head());
            }
        }
        assertEquals(PAGES.size() * TRICKS.size(), tried);
    }

    @Test
    void theSignInPageAndItsResourcesStillOpen() throws Exception {
        RawHttp.Answer login = RawHttp.get("/admin/login.xhtml");
        assertEquals(200, login.status(), login.head());
        assertTrue(login.body().contains("login:email"));
        RawHttp.Answer script = RawHttp.get("/admin/jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces");
        assertEquals(200, script.status(), script.head());
        RawHttp.Answer outsideLibrary = RawHttp.get("/admin/jakarta.faces.resource/faces.js.xhtml?ln=..");
        assertTrue(outsideLibrary.status() != 200, outsideLibrary.head());
    }

    @Test
    void noTrickReachesAnApiEndpointWithoutItsToken() throws Exception {
        String admin = Users.adminToken();
        String user = "admin/users/" + Users.register("tricks").id();
        assertEquals(200, Api.get("/api/" + user, admin).status(), "the plain path works with a token");
        List<String> api = List.of("/api/USER", "/api/trade/symbols/..%2f..%2fUSER", "/api/trade/symbols/%2e%2e/%2e%2e/USER",
                "/api/trade/..;/USER", "/api//USER", "/api/./USER", "/api/USER;x=y", "/api/v3/..%5c..%5capi/USER",
                "/api/%61dmin/users/ID", "/sapi/v1/../../api/USER", "/api/v3/%2e%2e/USER");
        for (String trick : api) {
            String path = trick.replace("USER", user).replace("ID", user.substring(user.lastIndexOf('/') + 1));
            RawHttp.Answer a = RawHttp.get(path);
            assertTrue(a.status() == 400 || a.status() == 401 || a.status() == 403 || a.status() == 404, path + " answered " + a.head());
            assertFalse(a.body().contains("@"), path + " leaked: " + a.body());
        }
        RawHttp.Answer dotted = RawHttp.get("/api/trade/symbols/%2e%2e/%2e%2e/" + user);
        assertEquals(400, dotted.status(), dotted.head());
        assertTrue(dotted.body().contains("PATH_NOT_CANONICAL"), dotted.body());
    }
}
