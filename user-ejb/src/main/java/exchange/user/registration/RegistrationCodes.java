package exchange.user.registration;

import exchange.api.Redis;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Sign-up codes live in Redis, not the database: they expire by themselves (5 minutes), a
 * mailbox gets at most one per minute, and five wrong guesses burn the code.
 */
@Singleton
@Lock(LockType.READ)
public class RegistrationCodes {
    static final int TTL_SECONDS = 300;
    static final int RESEND_SECONDS = 60;
    static final int MAX_TRIES = 5;

    private final SecureRandom random = new SecureRandom();
    private JedisPooled redis;

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    /** Creates a fresh code for the address, or refuses if one was sent within the last minute. */
    public String issue(String email) {
        if (redis.set(resendKey(email), "1", SetParams.setParams().nx().ex(RESEND_SECONDS)) == null) {
            throw new BusinessException(ErrorCode.CODE_RATE_LIMITED);
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        redis.setex(codeKey(email), TTL_SECONDS, code);
        redis.del(triesKey(email));
        return code;
    }

    /** The mail did not go out: forget the code and let the user ask again at once. */
    public void withdraw(String email) {
        redis.del(codeKey(email), triesKey(email), resendKey(email));
    }

    /** Checks without consuming: the code is consumed only once the account really exists. */
    public void verify(String email, String code) {
        String stored = redis.get(codeKey(email));
        if (stored == null) {
            throw new BusinessException(ErrorCode.CODE_EXPIRED);
        }
        if (code != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        long tries = redis.incr(triesKey(email));
        redis.expire(triesKey(email), TTL_SECONDS);
        if (tries >= MAX_TRIES) {
            redis.del(codeKey(email));
            throw new BusinessException(ErrorCode.CODE_TRIES_EXCEEDED);
        }
        throw new BusinessException(ErrorCode.CODE_INVALID);
    }

    public void consume(String email) {
        redis.del(codeKey(email), triesKey(email));
    }

    private static String codeKey(String email) {
        return "user:regcode:" + email;
    }

    private static String triesKey(String email) {
        return "user:regcode:tries:" + email;
    }

    private static String resendKey(String email) {
        return "user:regcode:sent:" + email;
    }
}
