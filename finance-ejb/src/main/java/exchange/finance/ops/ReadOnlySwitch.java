package exchange.finance.ops;

import exchange.api.Redis;
import exchange.api.finance.ExchangeMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import redis.clients.jedis.JedisPooled;

/**
 * Every order and withdrawal asks this switch, so it answers from memory and looks at Redis at
 * most once a second: a switch set on any node holds on every node within that second.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReadOnlySwitch implements ExchangeMode {
    private static final String KEY = "exchange:read-only";
    private static final long FRESH_MILLIS = 1000;
    private JedisPooled redis;
    private volatile boolean readOnly;
    private volatile long readAt;

    @PostConstruct
    void open() {
        redis = Redis.open();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    @Override
    public boolean readOnly() {
        long now = System.currentTimeMillis();
        if (now - readAt > FRESH_MILLIS) {
            readOnly = redis.exists(KEY);
            readAt = now;
        }
        return readOnly;
    }

    @Override
    public void setReadOnly(boolean on) {
        if (on) {
            redis.set(KEY, "1");
        } else {
            redis.del(KEY);
        }
        readOnly = on;
        readAt = System.currentTimeMillis();
    }
}
