package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Eventually;
import exchange.it.support.Monitoring;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Grafana cannot be installed here, so what can be is tested (issue #17): after a short trading
 * run, every panel query of every provisioned dashboard ({@code server-config/monitoring/grafana})
 * runs against the real Prometheus and returns series. A renamed metric or a typo in a query
 * shows here, not on a screen during an incident.
 */
class DashboardsIT {
    private static final Path DASHBOARDS = Path.of(System.getProperty("exchange.root", ".."), "server-config", "monitoring", "grafana",
            "dashboards");

    @Test
    void everyPanelQueryReturnsSeries() throws IOException {
        tradeALittle();
        List<String[]> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonObject board = Api.parse(Files.readString(file)).asJsonObject();
                for (JsonObject panel : board.getJsonArray("panels").getValuesAs(JsonObject.class)) {
                    for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
                        queries.add(new String[] {board.getString("title") + " / " + panel.getString("title"), target.getString("expr")});
                    }
                }
            }
        }
        assertTrue(queries.size() >= 20, "the dashboards hold their panels: " + queries.size());
        // Rates need two scrapes (5 s apart) of the run above; the consumer lag its first broker read.
        List<String> empty = Eventually.get(Duration.ofSeconds(90), () -> {
            List<String> none = queries.stream().filter(q -> Monitoring.query(q[1]).isEmpty()).map(q -> q[0] + ": " + q[1]).toList();
            return none.isEmpty() ? none : null;
        });
        assertEquals(List.of(), empty);
    }

    private static void tradeALittle() {
        String admin = Users.adminToken();
        Users.Trader seller = LedgerIT.fundedTrader("dash-sell", admin, "BTC", "1");
        Users.Trader buyer = LedgerIT.fundedTrader("dash-buy", admin, "USDT", "10000");
        for (int i = 0; i < 5; i++) {
            assertEquals(201, TradingIT.order(seller, TradingIT.limit("SELL", "20000", "0.01")).status());
            assertEquals(201, TradingIT.order(buyer, TradingIT.limit("BUY", "20000", "0.01")).status());
        }
        // And one the exchange refuses (a quantity off the symbol's step): the refusals' panel has a series too.
        assertEquals(400, TradingIT.order(buyer, TradingIT.limit("BUY", "20000", "0.0000001")).status());
    }
}
