package exchange.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.BrokerStartup;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;

/**
 * The RocketMQ broker on 127.0.0.1, in its own JVM so tests can stop and restart it. Creates the
 * seed's topics up front: a consumer that subscribes before a topic has a route waits a full
 * name-server poll (30 s) before it sees the first message. Args: work dir.
 */
public final class Broker {
    static final String[] TOPICS = {"user-events", "trade-events", "wallet-events", "match-events",
            "finance-events", "system-events"};
    static final int QUEUES_PER_TOPIC = 4;
    /**
     * The engine's journal, the one its integration test writes, and the engine's results: one
     * queue each, since their order is their meaning (one writer, one ordered log).
     */
    static final String[] JOURNALS = {"engine-journal", "engine-journal-it", "engine-events"};

    private Broker() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path store = Files.createDirectories(work.resolve("rocketmq").resolve("store"));
        int namesrvPort = Ports.intEnv("EXCHANGE_NAMESRV_PORT", 9876);
        int port = Ports.intEnv("EXCHANGE_BROKER_PORT", 10911);
        Path conf = work.resolve("rocketmq").resolve("broker.conf");
        Files.writeString(conf, String.join("\n",
                "brokerClusterName=exchange",
                "brokerName=broker-a",
                "brokerId=0",
                "namesrvAddr=127.0.0.1:" + namesrvPort,
                "listenPort=" + port,
                "haListenPort=" + (port + 1),
                "bindAddress=127.0.0.1",
                "brokerIP1=127.0.0.1",
                "storePathRootDir=" + store,
                "storePathCommitLog=" + store.resolve("commitlog"),
                "mappedFileSizeCommitLog=16777216",
                "mappedFileSizeConsumeQueue=60000",
                "maxHashSlotNum=10000",
                "maxIndexNum=40000",
                "mappedFileSizeTimerLog=4194304",
                // Retries use the classic delay-level scheduler: with the timer wheel on, a 1-minute
                // retry level was seen arriving after more than 5 minutes here.
                "timerWheelEnable=false",
                "brokerRole=ASYNC_MASTER",
                // Money events: a broker crash must not lose an acknowledged message.
                "flushDiskType=SYNC_FLUSH",
                "autoCreateTopicEnable=false",
                "autoCreateSubscriptionGroup=true",
                // Settle unknown transactional messages within seconds rather than a minute.
                "transactionCheckInterval=5000",
                "transactionTimeOut=3000") + "\n");
        BrokerController controller = BrokerStartup.start(BrokerStartup.createBrokerController(
                new String[] {"-c", conf.toString()}));
        for (String topic : TOPICS) {
            TopicConfig config = new TopicConfig(topic, QUEUES_PER_TOPIC, QUEUES_PER_TOPIC,
                    PermName.PERM_READ | PermName.PERM_WRITE);
            controller.getTopicConfigManager().updateTopicConfig(config);
        }
        for (String topic : JOURNALS) {
            controller.getTopicConfigManager().updateTopicConfig(new TopicConfig(topic, 1, 1,
                    PermName.PERM_READ | PermName.PERM_WRITE));
        }
        controller.registerBrokerAll(true, false, true);
        Ready.mark(work, "broker");
    }
}
