package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HealthIT {
    @Test
    void readinessReportsDatabaseRedisAndBroker() {
        Api.Reply ready = Api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        Map<String, String> checks = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals(Map.of("database", "UP", "redis", "UP", "rocketmq", "UP"), checks);
    }

    @Test
    void metricsAreServed() {
        Api.Reply metrics = Api.get("/metrics");
        assertEquals(200, metrics.status());
    }
}
