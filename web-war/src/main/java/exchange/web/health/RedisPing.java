package exchange.web.health;

import exchange.api.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Timeout;
import redis.clients.jedis.JedisPooled;

/**
 * A readiness probe must answer promptly: a Redis that hangs is reported down after a second.
 * (Also, Payara applied the EJB modules' Fault Tolerance annotations only once a bean of the WAR
 * used one: the chain calls' timeouts, retries and circuit breakers depend on this one being here.)
 */
@ApplicationScoped
public class RedisPing {
    private JedisPooled redis;

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    @Timeout(1000)
    public String ping() {
        return redis.ping();
    }
}
