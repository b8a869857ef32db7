package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the server publishes (MicroProfile OpenAPI) covers both faces, and its browsable page loads. */
class OpenApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyFaceIsDescribedAndBrowsable() throws Exception {
        String doc = get("/openapi").body();
        for (String path : List.of("/api/user/register:", "/api/user/api-keys:", "/api/wallet/withdraw/apply:",
                "/api/wallet/withdraw/whitelist:", "/api/trade/order/create:", "/api/admin/wallet/hot-wallets:",
                "/api/v3/exchangeInfo:", "/api/v3/order:", "/api/v3/account:", "/api/v3/ticker/24hr:")) {
            assertTrue(doc.contains(path), path + " is in the document");
        }
        assertTrue(doc.lines().filter(l -> l.startsWith("  /api/")).count() >= 60, "every endpoint, not a few");
        HttpResponse<String> page = get("/api-docs/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("SwaggerUIBundle") && page.body().contains("'/openapi'"));
        String script = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertEquals(200, get(script).statusCode(), "the page's script is served: " + script);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
