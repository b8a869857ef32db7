package exchange.api.messaging;

import org.apache.rocketmq.client.ClientConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/** Where the name server is; MicroProfile Config so EXCHANGE_ROCKETMQ_NAMESRV overrides it. */
public final class RocketMqSettings {
    private RocketMqSettings() {
    }

    public static String namesrv() {
        return ConfigProvider.getConfig()
                .getOptionalValue("exchange.rocketmq.namesrv", String.class)
                .orElse("127.0.0.1:9876");
    }

    /**
     * Points a producer or consumer at the name server, asking it for routes every
     * {@code exchange.rocketmq.route-poll-ms} (the client's default is 30 s). The cluster asks every
     * second: when the broker group's master dies, clients find the newly elected one by its route.
     */
    public static void apply(ClientConfig client) {
        client.setNamesrvAddr(namesrv());
        client.setPollNameServerInterval(routePollMillis());
    }

    public static int routePollMillis() {
        return ConfigProvider.getConfig().getOptionalValue("exchange.rocketmq.route-poll-ms", Integer.class).orElse(30_000);
    }

    /**
     * The client instance name for a group's producer or consumer: the group, so each group gets a
     * client of its own in this JVM, and the process, so two servers on one host (a cluster's
     * instances on loopback) do not present the broker the same client id (IP@name). With the
     * same id, both instances' consumers took every queue and some messages reached neither.
     */
    public static String instanceName(String group) {
        return group + "@" + ProcessHandle.current().pid();
    }
}
