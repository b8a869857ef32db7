package exchange.api.web;

import java.util.List;
import org.eclipse.microprofile.config.Config;
import redis.clients.jedis.JedisPooled;

/**
 * Request weight per client address per minute, in Redis (shared by every node and by both web
 * faces), with a ban for an address that keeps sending after it was told to wait. Configuration:
 * {@code exchange.rate-limit.ip-weight-per-minute}, {@code .ban-after-refusals}, {@code .ban-seconds},
 * {@code .sign-ins-per-minute}, {@code .exempt-addresses}.
 */
public final class AddressLimit {
    private final JedisPooled redis;
    private final int weightPerMinute;
    private final int banAfterRefusals;
    private final int banSeconds;
    private final List<String> exempt;
    private final int signInsPerMinute;

    /** used: the window's weight so far; retryAfter: seconds to wait, 0 when allowed. */
    public record Verdict(boolean allowed, boolean banned, long used, long limit, long retryAfter) {
    }

    public AddressLimit(JedisPooled redis, Config config) {
        this.redis = redis;
        this.weightPerMinute = config.getOptionalValue("exchange.rate-limit.ip-weight-per-minute", Integer.class).orElse(6000);
        this.banAfterRefusals = config.getOptionalValue("exchange.rate-limit.ban-after-refusals", Integer.class).orElse(10);
        this.banSeconds = config.getOptionalValue("exchange.rate-limit.ban-seconds", Integer.class).orElse(120);
        this.signInsPerMinute = config.getOptionalValue("exchange.rate-limit.sign-ins-per-minute", Integer.class).orElse(20);
        this.exempt = ClientAddress.list(config.getOptionalValue("exchange.rate-limit.exempt-addresses", String.class).orElse(""));
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

    /**
     * Sign-in attempts (a trader's, an operator's on the API or the console) per client address
     * per minute, apart from the weight: each costs a deliberately slow password hash, so a few
     * hundred a minute would be a CPU flood at any weight. Exempt addresses are not limited.
     */
    public Verdict signIn(String client) {
        if (exempt.contains(client)) {
            return new Verdict(true, false, 0, signInsPerMinute, 0);
        }
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        long used = count("rl:signin:" + client + ":" + minute, 1, 61);
        return new Verdict(used <= signInsPerMinute, false, used, signInsPerMinute,
                used <= signInsPerMinute ? 0 : Math.max(1, (minute + 1) * 60 - now / 1000));
    }

    /** A fixed-window counter of its own (e.g. sign-in attempts): the count after this one. */
    public long count(String key, int by, int ttlSeconds) {
        long value = redis.incrBy(key, by);
        if (value == by) {
            redis.expire(key, ttlSeconds); // the window's first hit starts its clock
        }
        return value;
    }
}
