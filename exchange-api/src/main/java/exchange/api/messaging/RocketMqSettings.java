package exchange.api.messaging;

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
}
