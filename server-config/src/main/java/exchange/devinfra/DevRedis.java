package exchange.devinfra;

import redis.embedded.RedisServer;

/** Uses the Redis already listening; where none is, starts an embedded one on loopback. */
final class DevRedis {
    private DevRedis() {
    }

    static RedisServer ensure(String host, int port) throws Exception {
        if (Ports.open(host, port)) {
            System.out.println("[devinfra] using the Redis already on " + host + ":" + port);
            return null;
        }
        RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        System.out.println("[devinfra] started embedded Redis on " + host + ":" + port);
        return redis;
    }
}
