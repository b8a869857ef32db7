package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.RawHttp;
import exchange.it.support.Users;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * No anonymous client can make the server hold a large body: a declared length above the bound
 * is refused before a byte is read, a chunked body is cut at the bound, and the server stays ready.
 */
class RequestSizeIT {
    private static final long HUGE = 200L << 20;

    private static String head(String method, String path, String... headers) {
        URI base = URI.create(Api.BASE);
        StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n");
        for (String header : headers) {
            h.append(header).append("\r\n");
        }
        return h.append("Connection: close\r\n\r\n").toString();
    }

    @Test
    void aSignedRequestDeclaring200MegabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
        long started = System.nanoTime();
        RawHttp.Answer a = RawHttp.send(head("POST", "/api/v3/order?timestamp=" + System.currentTimeMillis(),
                "X-MBX-APIKEY: " + "k".repeat(64), "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: " + HUGE), HUGE);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(413, a.status(), a.head());
        assertTrue(a.body().contains("BODY_TOO_LARGE"), a.body());
        assertTrue(millis < 10_000, "answered after " + millis + " ms: the body was read");
        assertEquals(200, Api.get("/health/ready").status(), "the server is still ready");
    }

    @Test
    void aChunkedBodyIsCutAtTheBound() throws Exception {
        // One chunk announced as 200 MB: read up to the bound, no further.
        RawHttp.Answer big = RawHttp.send(head("POST", "/api/user/login", "Content-Type: application/json",
                "Transfer-Encoding: chunked") + Long.toHexString(HUGE) + "\r\n", HUGE);
        assertEquals(413, big.status(), big.head());
        assertTrue(big.body().contains("BODY_TOO_LARGE"), big.body());
        assertEquals(200, Api.get("/health/ready").status());
    }

    @Test
    void anOrdinaryJsonBodyOverTheBoundIsRefusedAndOneWithinItIsServed() {
        String padding = "x".repeat(70_000);
        Api.Reply big = Api.post("/api/user/login", "{\"email\":\"a@b.io\",\"password\":\"" + padding + "\"}");
        assertEquals(413, big.status(), big.body());
        assertEquals("BODY_TOO_LARGE", big.errorCode());
        Api.Reply ok = Api.post("/api/user/login", "{\"email\":\"" + Users.uniqueEmail("size") + "\",\"password\":\"Wrong-passw0rd\"}");
        assertEquals(401, ok.status(), ok.body());
    }

    @Test
    void aConsoleFormOverItsBoundIsRefused() throws Exception {
        RawHttp.Answer a = RawHttp.send(head("POST", "/admin/login.xhtml", "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: " + HUGE), HUGE);
        assertEquals(413, a.status(), a.head());
    }
}
