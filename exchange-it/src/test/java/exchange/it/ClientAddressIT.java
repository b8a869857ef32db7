package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.RawHttp;
import exchange.it.support.Users;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * One client-address rule for everything that decides on it: an API key's IP whitelist sees the
 * same client the rate limits see (the address our trusted proxy forwarded, here 127.0.0.1 for
 * the tests' documentation-range clients), never an address a client wrote itself.
 */
class ClientAddressIT {
    @Test
    void theIpWhitelistJudgesTheClientOurProxyForwarded() throws Exception {
        Users.Trader t = Users.register("client-ip");
        Api.Reply made = Api.post("/api/user/api-keys", Json.createObjectBuilder().add("label", "ip")
                .add("permissions", Json.createArrayBuilder().add("READ"))
                .add("ipWhitelist", Json.createArrayBuilder().add("203.0.113.77")).build().toString(), t.token());
        assertEquals(201, made.status(), made.body());
        String key = made.json().getString("apiKey");
        String secret = made.json().getString("secret");

        RawHttp.Answer listed = account(key, secret, "203.0.113.77");
        assertEquals(200, listed.status(), listed.head() + listed.body());
        RawHttp.Answer other = account(key, secret, "203.0.113.78");
        assertEquals(401, other.status(), other.body());
        assertTrue(other.body().contains("-2015"), other.body());
        // Through our proxy, a client cannot smuggle the listed address in front of its own.
        RawHttp.Answer smuggled = account(key, secret, "203.0.113.77, 203.0.113.78");
        assertEquals(401, smuggled.status(), smuggled.body());
    }

    @Test
    void aMalformedEscapeInASignedQueryIsTheClientsError() throws Exception {
        Users.Trader t = Users.register("bad-escape");
        Api.Reply made = Api.post("/api/user/api-keys", "{\"label\":\"e\",\"permissions\":[\"READ\",\"TRADE\"]}", t.token());
        assertEquals(201, made.status(), made.body());
        // The container re-encodes a stray % in the query; a form body reaches the filter as sent.
        java.net.URI base = java.net.URI.create(Api.BASE);
        for (String bad : new String[] {"symbol=%zz", "symbol=%", "symbol=BTC%2"}) {
            String body = bad + "&side=BUY&type=LIMIT&timestamp=" + System.currentTimeMillis();
            body += "&signature=" + hmac(made.json().getString("secret"), body);
            RawHttp.Answer a = RawHttp.send("POST /api/v3/order HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nX-MBX-APIKEY: " + made.json().getString("apiKey") + "\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body, 0);
            assertEquals(400, a.status(), bad + ": " + a.head() + a.body());
            assertTrue(a.body().contains("-1100"), a.body());
        }
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static RawHttp.Answer account(String key, String secret, String forwardedFor) throws Exception {
        String query = "timestamp=" + System.currentTimeMillis();
        String signature = hmac(secret, query);
        return RawHttp.get("/api/v3/account?" + query + "&signature=" + signature, "X-MBX-APIKEY: " + key,
                "X-Forwarded-For: " + forwardedFor);
    }
}
