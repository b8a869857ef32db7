package exchange.devinfra;

import java.nio.file.Path;

/**
 * Everything but RocketMQ, in one JVM: database (existing or embedded), Redis (existing or
 * embedded), dev SMTP with its HTTP inbox, dev keys. Args: work dir.
 */
public final class DevServices {
    private DevServices() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        boolean fresh = StateGeneration.isNew(work);
        if (fresh) {
            StateGeneration.emptyBrokerStore(work);
        }
        DevKeys.ensure(work);
        var db = DevDatabase.ensure(work, Ports.env("EXCHANGE_DB_HOST", "127.0.0.1"),
                Ports.intEnv("EXCHANGE_DB_PORT", 3306), "true".equals(System.getenv("EXCHANGE_EMBEDDED_DB")), fresh);
        String redisHost = Ports.env("EXCHANGE_REDIS_HOST", "127.0.0.1");
        int redisPort = Ports.intEnv("EXCHANGE_REDIS_PORT", 6379);
        var redis = DevRedis.ensure(redisHost, redisPort);
        if (fresh) {
            DevRedis.flush(redisHost, redisPort);
            StateGeneration.mark(work);
        }
        DevMail mail = DevMail.start(Ports.intEnv("EXCHANGE_SMTP_PORT", 3025), Ports.intEnv("EXCHANGE_MAILBOX_PORT", 8025));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.stop();
            try {
                if (redis != null) {
                    redis.stop();
                }
                if (db != null) {
                    db.stop();
                }
            } catch (Exception e) {
                System.err.println("[devinfra] shutdown: " + e);
            }
        }));
        Ready.mark(work, "services");
        Thread.currentThread().join();
    }
}
