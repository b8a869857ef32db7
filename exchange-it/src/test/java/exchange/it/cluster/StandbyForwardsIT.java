package exchange.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.bench.EndToEndBench;
import exchange.it.support.Api;
import exchange.it.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The instance whose engine stands by serves a trader as the leader does: its engine calls go to
 * the leader's engine through the data grid. Called on the standby's own port (not through
 * HAProxy, which sends traders to the leader): an order placed and cancelled, an operator's
 * credit, the book's depth.
 */
class StandbyForwardsIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theStandbyServesTradersThroughTheLeadersEngine() throws Exception {
        ClusterControl cluster = new ClusterControl(Path.of(System.getProperty("exchange.work", ".work")));
        ClusterControl.Instance leader = cluster.leader().orElseThrow(() -> new AssertionError("no leader"));
        ClusterControl.Instance standby = cluster.other(leader);
        assertEquals(ClusterControl.Role.STANDBY, cluster.role(standby));

        String admin = Users.adminToken();
        Users.secondAdminToken();
        String symbol = "FWD" + (System.currentTimeMillis() % 1_000_000);
        assertEquals(201, Api.post("/api/admin/markets", "{\"symbol\":\"" + symbol + "\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
                + "\"priceTick\":0.01,\"quantityStep\":0.0001,\"minNotional\":1,\"makerFee\":0.001,\"takerFee\":0.001}", admin).status());
        List<Users.Trader> traders = EndToEndBench.register(1, admin, "forward");
        Users.Trader t = traders.get(0);

        HttpResponse<String> credit = post(standby, "/api/admin/wallet/adjustments", "{\"userId\":" + t.id()
                + ",\"asset\":\"USDT\",\"amount\":7,\"reason\":\"credited on the standby\"}", admin);
        assertEquals(201, credit.statusCode(), credit.body());
        assertTrue(credit.body().contains("\"POSTED\""), credit.body());

        HttpResponse<String> placed = post(standby, "/api/trade/order/create", "{\"symbol\":\"" + symbol + "\",\"side\":\"BUY\","
                + "\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":100,\"quantity\":0.5}", t.token());
        assertEquals(201, placed.statusCode(), placed.body());
        long orderId = Long.parseLong(placed.body().replaceAll("(?s).*\"orderId\":(\\d+).*", "$1"));

        HttpResponse<String> depth = get(standby, "/api/trade/depth?symbol=" + symbol + "&limit=5");
        assertEquals(200, depth.statusCode(), depth.body());
        assertTrue(depth.body().contains("100"), "the leader's book, read on the standby: " + depth.body());

        HttpResponse<String> cancelled = post(standby, "/api/trade/order/cancel", "{\"orderId\":" + orderId + "}", t.token());
        assertEquals(202, cancelled.statusCode(), cancelled.body());
        assertEquals(ClusterControl.Role.STANDBY, cluster.role(standby), "it still stands by: it served, it did not lead");
    }

    private static HttpResponse<String> post(ClusterControl.Instance i, String path, String json, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ClusterControl.Instance i, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + path)).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
