package exchange.web.limits;

import exchange.api.Redis;
import exchange.api.web.AddressLimit;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Fixed-window counters in Redis, shared by every node of the cluster: request weight per client
 * address per minute with a ban for an address that keeps sending after it was told to wait (the
 * console's rule too: {@link AddressLimit}), and new orders per account per 10 seconds. Limits are
 * configuration.
 */
@ApplicationScoped
public class RateLimits {
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.orders-per-10s", defaultValue = "100")
    int ordersPer10s;
    private JedisPooled redis;
    private AddressLimit addresses;

    @PostConstruct
    void open() {
        redis = Redis.open();
        addresses = new AddressLimit(redis, ConfigProvider.getConfig());
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    /** The client address's request weight this minute (the client as {@link exchange.api.web.ClientAddress} decides it). */
    public AddressLimit.Verdict weigh(String client, int weight) {
        return addresses.weigh(client, weight);
    }

    public AddressLimit.Verdict signIn(String client) {
        return addresses.signIn(client);
    }

    public AddressLimit.Verdict newOrder(long userId) {
        long now = System.currentTimeMillis();
        long window = now / 10_000;
        long used = count("rl:o:" + userId + ":" + window, 1, 11);
        long retry = used <= ordersPer10s ? 0 : Math.max(1, (window + 1) * 10 - now / 1000);
        return new AddressLimit.Verdict(used <= ordersPer10s, false, used, ordersPer10s, retry);
    }

    public int ordersPer10s() {
        return ordersPer10s;
    }

    private long count(String key, int by, int ttlSeconds) {
        return addresses.count(key, by, ttlSeconds);
    }
}
