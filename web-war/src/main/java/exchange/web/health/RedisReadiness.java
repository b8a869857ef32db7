package exchange.web.health;

import exchange.api.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.JedisPooled;

@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {
    private JedisPooled redis;

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("redis").status("PONG".equals(redis.ping())).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("redis").down().withData("error", e.toString()).build();
        }
    }
}
