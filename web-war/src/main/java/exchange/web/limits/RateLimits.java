package exchange.web.limits;

import exchange.api.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Fixed-window counters in Redis, shared by every node of the cluster: request weight per client
 * address per minute, new orders per account per 10 seconds, and a ban for an address that keeps
 * sending after it was told to wait. Limits are configuration.
 */
@ApplicationScoped
public class RateLimits {
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.ip-weight-per-minute", defaultValue = "6000")
    int weightPerMinute;
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.orders-per-10s", defaultValue = "100")
    int ordersPer10s;
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.ban-after-refusals", defaultValue = "10")
    int banAfterRefusals;
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.ban-seconds", defaultValue = "120")
    int banSeconds;
    /** Addresses of our own proxies, whose X-Forwarded-For names the client; none by default. */
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.trusted-proxies", defaultValue = " ")
    String trustedProxies;
    /** Addresses not limited by weight (our own services, a market maker's gateway); none by default. */
    @Inject
    @ConfigProperty(name = "exchange.rate-limit.exempt-addresses", defaultValue = " ")
    String exemptAddresses;
    private JedisPooled redis;
    private List<String> proxies;
    private List<String> exempt;

    /** used: the window's weight so far; retryAfter: seconds to wait, 0 when allowed. */
    public record Verdict(boolean allowed, boolean banned, long used, long limit, long retryAfter) {
    }

    @PostConstruct
    void open() {
        redis = Redis.open();
        proxies = list(trustedProxies);
        exempt = list(exemptAddresses);
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    /** The client: the remote address, or the last address our trusted proxy put before itself. */
    public String client(String remoteAddress, String forwardedFor) {
        if (forwardedFor != null && proxies.contains(remoteAddress)) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return remoteAddress;
    }

    public Verdict weigh(String client, int weight) {
        if (exempt.contains(client)) {
            return new Verdict(true, false, 0, weightPerMinute, 0);
        }
        long ban = redis.ttl("rl:ban:" + client);
        if (ban > 0) {
            return new Verdict(false, true, 0, weightPerMinute, ban);
        }
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        long used = count("rl:w:" + client + ":" + minute, weight, 61);
        if (used <= weightPerMinute) {
            return new Verdict(true, false, used, weightPerMinute, 0);
        }
        long retry = Math.max(1, (minute + 1) * 60 - now / 1000);
        if (count("rl:refused:" + client + ":" + minute, 1, 61) > banAfterRefusals) {
            redis.setex("rl:ban:" + client, banSeconds, "1");
            return new Verdict(false, true, used, weightPerMinute, banSeconds);
        }
        return new Verdict(false, false, used, weightPerMinute, retry);
    }

    public Verdict newOrder(long userId) {
        long now = System.currentTimeMillis();
        long window = now / 10_000;
        long used = count("rl:o:" + userId + ":" + window, 1, 11);
        long retry = used <= ordersPer10s ? 0 : Math.max(1, (window + 1) * 10 - now / 1000);
        return new Verdict(used <= ordersPer10s, false, used, ordersPer10s, retry);
    }

    public int ordersPer10s() {
        return ordersPer10s;
    }

    private static List<String> list(String commaSeparated) {
        return List.of(commaSeparated.trim().split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
    }

    private long count(String key, int by, int ttlSeconds) {
        long value = redis.incrBy(key, by);
        if (value == by) {
            redis.expire(key, ttlSeconds); // the window's first hit starts its clock
        }
        return value;
    }
}
