package exchange.user.account;

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
 * One-time codes sent to an e-mail address (sign-up) or a phone (KYC level 1), kept in Redis,
 * not the database: they expire by themselves (5 minutes), a subject gets at most one per
 * minute, and five wrong guesses burn the code. A subject names the channel and the address,
 * e.g. {@code subject:a@b.c}.
 */
@Singleton
@Lock(LockType.READ)
public class VerificationCodes {
    public static final int TTL_SECONDS = 300;
    public static final int RESEND_SECONDS = 60;
    public static final int MAX_TRIES = 5;

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
    public String issue(String subject) {
        if (redis.set(resendKey(subject), "1", SetParams.setParams().nx().ex(RESEND_SECONDS)) == null) {
            throw new BusinessException(ErrorCode.CODE_RATE_LIMITED);
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        redis.setex(codeKey(subject), TTL_SECONDS, code);
        redis.del(triesKey(subject));
        return code;
    }

    /** The mail did not go out: forget the code and let the user ask again at once. */
    public void withdraw(String subject) {
        redis.del(codeKey(subject), triesKey(subject), resendKey(subject));
    }

    /** Checks without consuming: the code is consumed only once the account really exists. */
    public void verify(String subject, String code) {
        String stored = redis.get(codeKey(subject));
        if (stored == null) {
            throw new BusinessException(ErrorCode.CODE_EXPIRED);
        }
        if (code != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        long tries = redis.incr(triesKey(subject));
        redis.expire(triesKey(subject), TTL_SECONDS);
        if (tries >= MAX_TRIES) {
            redis.del(codeKey(subject));
            throw new BusinessException(ErrorCode.CODE_TRIES_EXCEEDED);
        }
        throw new BusinessException(ErrorCode.CODE_INVALID);
    }

    public void consume(String subject) {
        redis.del(codeKey(subject), triesKey(subject));
    }

    private static String codeKey(String subject) {
        return "user:code:" + subject;
    }

    private static String triesKey(String subject) {
        return "user:code:tries:" + subject;
    }

    private static String resendKey(String subject) {
        return "user:code:sent:" + subject;
    }
}
