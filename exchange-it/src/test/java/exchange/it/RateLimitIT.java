package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Request weight per client address per minute and new orders per account per 10 s, kept in Redis:
 * 429 with Retry-After (and Binance's codes and X-MBX-USED-WEIGHT-1M on /api/v3), then a ban (418)
 * for an address that keeps going. The dev domain trusts loopback as a proxy, so the test speaks
 * as documentation-range addresses (203.0.113.0/24) through X-Forwarded-For and limits nobody else.
 */
class RateLimitIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anAddressOverItsWeightIsToldToWaitThenBanned() throws Exception {
        String client = "203.0.113." + (1 + new Random().nextInt(250));
        HttpResponse<String> first = get("/api/v3/exchangeInfo", client);
        assertEquals(200, first.statusCode());
        assertEquals("20", first.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow(), "exchangeInfo weighs 20");

        HttpResponse<String> refused = null;
        for (int i = 0; i < 700 && refused == null; i++) {
            HttpResponse<String> r = get("/api/v3/exchangeInfo", client);
            if (r.statusCode() == 429) {
                refused = r;
            }
        }
        assertNotNull(refused, "6000 per minute at 20 each: refused within two minutes' worth");
        assertTrue(refused.body().contains("\"code\":-1003"), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "until the minute ends: " + retryAfter);
        assertEquals(429, get("/api/trade/symbols", client).statusCode(), "our own face shares the address's budget");
        assertTrue(get("/api/trade/symbols", client).body().contains("TOO_MANY_REQUESTS"));
        assertEquals(200, get("/api/v3/ping", "203.0.113.254".equals(client) ? "203.0.113.253" : "203.0.113.254").statusCode(),
                "another address is not limited");

        HttpResponse<String> banned = null;
        for (int i = 0; i < 30 && banned == null; i++) {
            HttpResponse<String> r = get("/api/v3/ping", client);
            if (r.statusCode() == 418) {
                banned = r;
            }
        }
        assertNotNull(banned, "going on after ten refusals bans the address");
        assertEquals("120", banned.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(banned.body().contains("\"code\":-1003"), banned.body());
        assertEquals(418, get("/api/trade/symbols", client).statusCode());
    }

    @Test
    void anAccountPlacesAtMostItsOrdersPerTenSeconds() {
        String admin = Users.adminToken();
        String symbol = "BTCR" + (100_000 + new Random().nextInt(900_000));
        assertEquals(201, Api.post("/api/admin/markets", "{\"symbol\":\"" + symbol + "\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
                + "\"priceTick\":0.01,\"quantityStep\":0.00001,\"minNotional\":1,\"makerFee\":0,\"takerFee\":0}", admin).status());
        Users.Trader t = LedgerIT.fundedTrader("order-rate", admin, "USDT", "100000");
        String order = "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":100,\"quantity\":0.01}";
        Api.Reply refused = null;
        int placed = 0;
        for (int i = 0; i < 400 && refused == null; i++) {
            Api.Reply r = Api.post("/api/trade/order/create", order, t.token());
            if (r.status() == 429) {
                refused = r;
            } else {
                assertEquals(201, r.status(), r.body());
                placed++;
            }
        }
        assertNotNull(refused, "100 new orders per 10 s");
        assertTrue(placed >= 100, "the first window's hundred went through: " + placed);
        assertError(429, "TOO_MANY_ORDERS", refused);
        // Halting the market keeps its resting bids away from everyone else's trading.
        Api.post("/api/admin/markets/" + symbol + "/halt", null, admin);
    }

    private static HttpResponse<String> get(String path, String client) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", client).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
