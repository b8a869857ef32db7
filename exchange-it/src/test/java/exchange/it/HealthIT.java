package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HealthIT {
    @Test
    void readinessReportsDatabaseRedisBrokerAndTheReplica() {
        Api.Reply ready = Api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        Map<String, String> checks = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals(Map.of("database", "UP", "redis", "UP", "rocketmq", "UP", "database-replica", "UP"), checks);
        // The single node's "replica" is its one database, which replicates nothing: lagging reads stay on the primary.
        JsonObject replica = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database-replica")).findFirst().orElseThrow().getJsonObject("data");
        assertEquals("primary", replica.getString("serves"), replica.toString());
        assertEquals("not a replica", replica.getString("problem"), replica.toString());
    }

    @Test
    void metricsAreServed() {
        Api.Reply metrics = Api.get("/metrics");
        assertEquals(200, metrics.status());
    }
}
