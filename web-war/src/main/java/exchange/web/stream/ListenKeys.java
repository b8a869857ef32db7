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
 * node accepts a key any node issued. A key asked for by a signed-in session ends with that
 * session, and no key opens anything for a frozen user; open sockets are swept ({@link ListenKeySweep}).
 */
@ApplicationScoped
public class ListenKeys {
    static final long TTL_SECONDS = 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    private JedisPooled redis;
    @jakarta.ejb.EJB
    private exchange.api.user.UserSessions sessions;

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    /**
     * @param sessionId the sign-in session the key was asked for (null for an API key's): the key
     *                  ends with it, at logout or log out everywhere
     */
    String create(long userId, String sessionId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        redis.set(redisKey(key), sessionId == null ? Long.toString(userId) : userId + ":" + sessionId,
                SetParams.setParams().ex(TTL_SECONDS));
        return key;
    }

    static boolean looksLikeKey(String key) {
        return key != null && key.length() == 64 && key.matches("[0-9a-f]{64}");
    }

    /**
     * The key's user, or null when it is unknown or expired, its session has ended, or the user
     * is frozen (a key of an ended session is deleted on the way).
     */
    Long owner(String key) {
        if (!looksLikeKey(key)) {
            return null;
        }
        String value = redis.get(redisKey(key));
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        long userId = Long.parseLong(colon < 0 ? value : value.substring(0, colon));
        if (colon >= 0 && !sessions.alive(value.substring(colon + 1))) {
            redis.del(redisKey(key));
            return null;
        }
        return sessions.frozen(userId) ? null : userId;
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
