package exchange.api;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Opens a pooled Redis client from exchange.redis.* configuration. */
public final class Redis {
    private Redis() {
    }

    public static JedisPooled open() {
        Config config = ConfigProvider.getConfig();
        String host = config.getOptionalValue("exchange.redis.host", String.class).orElse("127.0.0.1");
        int port = config.getOptionalValue("exchange.redis.port", Integer.class).orElse(6379);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder().timeoutMillis(2000);
        config.getOptionalValue("exchange.redis.password", String.class).ifPresent(client::password);
        // Keys name database ids (sessions per user id, lock-outs per operator id): an exchange with
        // databases of its own (the cluster's, issue #16) keeps its keys in a Redis database of its own.
        client.database(config.getOptionalValue("exchange.redis.database", Integer.class).orElse(0));
        // Every request asks Redis (session, rate limits) from one of Payara's HTTP threads: Jedis'
        // default of 8 connections kept threads queueing for one under load.
        redis.clients.jedis.ConnectionPoolConfig pool = new redis.clients.jedis.ConnectionPoolConfig();
        int size = config.getOptionalValue("exchange.redis.pool-size", Integer.class).orElse(64);
        pool.setMaxTotal(size);
        pool.setMaxIdle(size);
        pool.setMinIdle(Math.min(8, size));
        return new JedisPooled(pool, new HostAndPort(host, port), client.build());
    }
}
