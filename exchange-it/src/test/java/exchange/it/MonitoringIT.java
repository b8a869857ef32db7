package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Eventually;
import exchange.it.support.Monitoring;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The monitoring chain of seed 7.1 runs for real beside the exchange (issue #17): Prometheus scrapes
 * the exchange, MariaDB and Redis (through their exporters), itself and Alertmanager, every target
 * answers, the alert rules are loaded, and the exchange's own chain gauges arrive with their labels.
 * (A real alert's way to on-call, firing and resolved, is in {@link ChainOutageIT}.)
 */
class MonitoringIT {
    @Test
    void prometheusScrapesEveryPartAndHoldsTheExchangesGauges() {
        List<JsonObject> up = Eventually.get(Duration.ofSeconds(30), () -> {
            List<JsonObject> r = Monitoring.query("up");
            return r.stream().map(o -> o.getJsonObject("metric").getString("job")).collect(Collectors.toSet())
                    .containsAll(Set.of("exchange", "mysqld", "redis", "prometheus", "alertmanager"))
                    && r.stream().allMatch(o -> "1".equals(o.getJsonArray("value").getString(1))) ? r : null;
        });
        assertTrue(up.size() >= 5, Monitoring.describe(up));
        Eventually.holds(Duration.ofSeconds(30), "the exporters reach MariaDB and Redis",
                () -> value("mysql_up") == 1 && value("redis_up") == 1);

        List<JsonObject> nodes = Eventually.get(Duration.ofSeconds(30), () -> {
            List<JsonObject> r = Monitoring.query("exchange_chain_node_up");
            return r.size() >= 2 ? r : null;
        });
        assertEquals(Set.of("ETH", "BTC"), nodes.stream().map(o -> o.getJsonObject("metric").getString("chain")).collect(Collectors.toSet()),
                Monitoring.describe(nodes));
        Eventually.holds(Duration.ofSeconds(30), "the scanners have passed blocks and see their nodes",
                () -> value("min(exchange_chain_scanned_height)") >= 0 && value("min(exchange_chain_node_up)") == 1);

        Eventually.holds(Duration.ofSeconds(30), "one engine leads", () -> value("sum(exchange_engine_role{role=\"leader\"})") == 1);
        Eventually.holds(Duration.ofSeconds(30), "the engine has applied commands", () -> value("max(exchange_engine_commands_applied)") > 0);
        List<JsonObject> outboxes = Monitoring.query("exchange_outbox_unsent_messages");
        assertTrue(outboxes.stream().map(o -> o.getJsonObject("metric").getString("outbox")).collect(Collectors.toSet())
                .containsAll(Set.of("UserEventOutbox", "WalletEventOutbox")), Monitoring.describe(outboxes));
        assertTrue(Monitoring.alertRules().containsAll(Set.of("ExchangeInstanceDown", "DatabaseDown", "RedisDown", "ChainNodeDown",
                "NoEngineLeads", "EngineFailed", "OutboxNotDraining", "ConsumerBacklog", "OrderErrors")),
                "the alert rules are loaded: " + Monitoring.alertRules());
    }

    /** Orders are counted where they are placed: accepted by symbol, refused by reason, as Prometheus scrapes them. */
    @Test
    void ordersAreCountedByOutcome() {
        String admin = Users.adminToken();
        String symbol = TradingIT.freshSymbol(admin, "BTC", "USDT", "0.01", "0.0001", "1");
        Users.Trader buyer = LedgerIT.fundedTrader("metrics-buy", admin, "USDT", "1000");
        // From the exchange itself: Prometheus' last scrape may not hold the last test's refusals yet.
        double refusedBefore = Monitoring.scrapeNow("exchange_orders_refused_total", "reason=\"INVALID_QUANTITY\"");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "100", "0.01")).status());
        }
        assertEquals(400, TradingIT.order(buyer, TradingIT.limit(symbol, "BUY", "100", "0.01005")).status());
        Eventually.holds(Duration.ofSeconds(30), "3 orders accepted on " + symbol + ", as Prometheus sees them",
                () -> orZero("sum(exchange_orders_accepted_total{symbol=\"" + symbol + "\"})") == 3);
        Eventually.holds(Duration.ofSeconds(30), "one more refused for its quantity",
                () -> orZero("sum(exchange_orders_refused_total{reason=\"INVALID_QUANTITY\"})") == refusedBefore + 1);
    }

    private static double orZero(String promql) {
        double v = value(promql);
        return Double.isNaN(v) ? 0 : v;
    }

    private static double value(String promql) {
        List<JsonObject> r = Monitoring.query(promql);
        return r.isEmpty() ? Double.NaN : Double.parseDouble(r.get(0).getJsonArray("value").getString(1));
    }
}
