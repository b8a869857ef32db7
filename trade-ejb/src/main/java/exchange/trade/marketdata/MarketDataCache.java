package exchange.trade.marketdata;

import exchange.api.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import redis.clients.jedis.JedisPooled;

/**
 * Market data answers in Redis for a short while, shared by every node: a burst of clients
 * polling the ticker costs one query per interval, not one each. Redis down means uncached
 * answers, never errors.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MarketDataCache {
    private static final Logger LOG = Logger.getLogger(MarketDataCache.class.getName());

    @Inject
    @ConfigProperty(name = "exchange.market-data.cache-ms", defaultValue = "1000")
    private long ttlMillis;
    private JedisPooled redis;
    private Jsonb json;

    @PostConstruct
    void open() {
        redis = Redis.open();
        json = JsonbBuilder.create();
    }

    @PreDestroy
    void close() {
        redis.close();
    }

    public <T> T get(String key, Type type, Supplier<T> load) {
        String cacheKey = "md:" + key;
        try {
            String hit = redis.get(cacheKey);
            if (hit != null) {
                return json.fromJson(hit, type);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "market data cache unavailable", e);
        }
        T value = load.get();
        try {
            redis.psetex(cacheKey, ttlMillis, json.toJson(value, type));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "market data cache unavailable", e);
        }
        return value;
    }
}
