package exchange.web.stream;

import exchange.api.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Keys that open a user's private stream, as Binance does it: a WebSocket handshake cannot carry
 * a bearer header from a browser, so an authenticated REST call hands out a random key that
 * names the user for an hour (kept alive by the client) and nothing else. Kept in Redis, so any
 * node accepts a key any node issued.
 */
@ApplicationScoped
public class ListenKeys {
    static final long TTL_SECONDS = 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    private JedisPooled redis;

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    String create(long userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        redis.set(redisKey(key), Long.toString(userId), SetParams.setParams().ex(TTL_SECONDS));
        return key;
    }

    static boolean looksLikeKey(String key) {
        return key != null && key.length() == 64 && key.matches("[0-9a-f]{64}");
    }

    /** The key's user, or null when it is unknown or expired. */
    Long owner(String key) {
        if (!looksLikeKey(key)) {
            return null;
        }
        String user = redis.get(redisKey(key));
        return user == null ? null : Long.valueOf(user);
    }

    /** Another hour, for the key's own user only. */
    boolean keepAlive(String key, long userId) {
        Long owner = owner(key);
        return owner != null && owner == userId && redis.expire(redisKey(key), TTL_SECONDS) == 1;
    }

    boolean delete(String key, long userId) {
        Long owner = owner(key);
        return owner != null && owner == userId && redis.del(redisKey(key)) == 1;
    }

    private static String redisKey(String key) {
        return "listenKey:" + key;
    }
}
