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

    /** FLUSHDB over the wire (RESP): the exchange's keys of an earlier state generation go. */
    static void flush(String host, int port) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(host, port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("*1\r\n$7\r\nFLUSHDB\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            if (!"+OK".equals(reply)) {
                throw new java.io.IOException("Redis FLUSHDB answered " + reply);
            }
        }
    }
}
