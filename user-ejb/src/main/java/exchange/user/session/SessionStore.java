package exchange.user.session;

import exchange.api.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Sessions and refresh tokens in Redis, shared by the cluster: {@code sess:<sid>} holds the user
 * while the session is open; a refresh token is stored only as its SHA-256 ({@code rt:<hash>} →
 * sid), so Redis alone cannot be used to sign in; {@code usess:<user>} lists a user's sessions for
 * "log out everywhere". Failed sign-ins count in {@code loginfail:<user>} for the lockout.
 */
@ApplicationScoped
public class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "exchange.session.refresh-ttl-seconds", defaultValue = "2592000")
    long refreshTtl;
    @Inject
    @ConfigProperty(name = "exchange.login.max-failures", defaultValue = "5")
    int maxFailures;
    @Inject
    @ConfigProperty(name = "exchange.login.lock-seconds", defaultValue = "900")
    int lockSeconds;
    private JedisPooled redis;

    public record Opened(String sessionId, String refreshToken) {
    }

    public record Rotated(long userId, String sessionId, String refreshToken) {
    }

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    public Opened open(long userId) {
        String sid = UUID.randomUUID().toString();
        SetParams ttl = SetParams.setParams().ex(refreshTtl);
        redis.set("sess:" + sid, Long.toString(userId), ttl);
        redis.sadd("usess:" + userId, sid);
        redis.expire("usess:" + userId, refreshTtl);
        return new Opened(sid, newRefresh(sid));
    }

    /** Spends a refresh token: empty when it is unknown, spent, or its session has ended. */
    public Optional<Rotated> rotate(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Optional.empty();
        }
        String hash = hash(refreshToken);
        String sid = redis.getDel("rt:" + hash);
        if (sid == null) {
            return Optional.empty();
        }
        String user = redis.get("sess:" + sid);
        if (user == null) {
            return Optional.empty();
        }
        redis.expire("sess:" + sid, refreshTtl);
        return Optional.of(new Rotated(Long.parseLong(user), sid, newRefresh(sid)));
    }

    public boolean alive(String sid) {
        return redis.exists("sess:" + sid);
    }

    public void end(long userId, String sid) {
        String current = redis.getDel("sessrt:" + sid);
        if (current != null) {
            redis.del("rt:" + current);
        }
        redis.del("sess:" + sid);
        redis.srem("usess:" + userId, sid);
    }

    public void endAll(long userId) {
        for (String sid : redis.smembers("usess:" + userId)) {
            end(userId, sid);
        }
    }

    /** Marks (or unmarks) a frozen account for every node's request check. */
    public void frozen(long userId, boolean frozen) {
        if (frozen) {
            redis.set("ufrozen:" + userId, "1");
        } else {
            redis.del("ufrozen:" + userId);
        }
    }

    public boolean isFrozen(long userId) {
        return redis.exists("ufrozen:" + userId);
    }

    /** True when the account is locked by too many failed sign-ins. */
    public boolean locked(long userId) {
        return lockedOut("loginfail:" + userId);
    }

    /** Counts a failed sign-in; true when this one locks the account. */
    public boolean failed(long userId) {
        return countFailure("loginfail:" + userId);
    }

    public void succeeded(long userId) {
        clearFailures("loginfail:" + userId);
    }

    /**
     * Lock-outs for anything guessable (a trader's or an operator's password, a TOTP code), kept
     * in Redis so every node counts the same failures and a rolled-back attempt still counts:
     * after {@code exchange.login.max-failures} failures within {@code exchange.login.lock-seconds}
     * the key is locked until that window ends, whatever is tried.
     */
    public boolean lockedOut(String key) {
        String n = redis.get(key);
        return n != null && Integer.parseInt(n) >= maxFailures;
    }

    /** Counts a failure under the key; true when this one locks it. */
    public boolean countFailure(String key) {
        long n = redis.incr(key);
        if (n == 1) {
            redis.expire(key, lockSeconds);
        }
        return n == maxFailures;
    }

    public void clearFailures(String key) {
        redis.del(key);
    }

    private String newRefresh(String sid) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String hash = hash(token);
        SetParams ttl = SetParams.setParams().ex(refreshTtl);
        redis.set("rt:" + hash, sid, ttl);
        redis.set("sessrt:" + sid, hash, ttl);
        return token;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
