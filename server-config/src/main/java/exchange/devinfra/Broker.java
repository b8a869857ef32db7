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
 * name-server poll (30 s) before it sees the first message. Args: work dir, component name.
 *
 * <p>With {@code EXCHANGE_CONTROLLER_ADDR} set (the cluster, issue #16) it is one replica of the
 * broker group {@code broker-a} in RocketMQ 5's controller mode: the controller elects the master,
 * a send is acknowledged only once every replica in the in-sync set has it
 * ({@code allAckInSyncStateSet}), and when the master dies a replica that has everything
 * acknowledged becomes master. Its store is {@code EXCHANGE_BROKER_STORE}; it writes its role
 * to {@code run/<name>.role} (the chaos run kills the master by it).
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
        String name = args.length > 1 ? args[1] : "broker";
        Path store = Files.createDirectories(Path.of(Ports.env("EXCHANGE_BROKER_STORE",
                work.resolve("rocketmq").resolve("store").toString())));
        int namesrvPort = Ports.intEnv("EXCHANGE_NAMESRV_PORT", 9876);
        int port = Ports.intEnv("EXCHANGE_BROKER_PORT", 10911);
        String controllerAddr = Ports.env("EXCHANGE_CONTROLLER_ADDR", "");
        boolean replicated = !controllerAddr.isEmpty();
        Path conf = work.resolve("rocketmq").resolve(name + ".conf");
        Files.writeString(conf, String.join("\n",
                "brokerClusterName=exchange",
                "brokerName=broker-a",
                replicated ? replicaSettings(controllerAddr) : "brokerId=0\nbrokerRole=ASYNC_MASTER",
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
        if (replicated) {
            awaitElection(controller, work.resolve("run").resolve(name + ".role"));
        }
        Ready.mark(work, name);
    }

    private static String replicaSettings(String controllerAddr) {
        return String.join("\n",
                "brokerId=-1",
                "enableControllerMode=true",
                "controllerAddr=" + controllerAddr,
                // Acknowledged = on every in-sync replica; a replica that falls behind leaves the set
                // (the master goes on alone) and rejoins once it has caught up.
                "allAckInSyncStateSet=true",
                // Heartbeats to the controller every 300 ms, and a broker silent for 1.5 s is dead:
                // with the defaults (1 s, 10 s) a master's death stopped sends for 12-14 s here.
                "brokerHeartbeatInterval=300",
                "controllerHeartBeatTimeoutMills=1500",
                "syncBrokerMetadataPeriod=1000",
                "checkSyncStateSetPeriod=1000",
                "syncControllerMetadataPeriod=1000");
    }

    private static boolean elected(org.apache.rocketmq.broker.controller.ReplicasManager replicas) {
        String master = replicas.getMasterAddress();
        return "RUNNING".equals(String.valueOf(replicas.getState())) && master != null && !master.isEmpty();
    }

    /** Waits until the controller has named a master, then keeps this replica's role in a file. */
    private static void awaitElection(BrokerController controller, Path roleFile) throws Exception {
        var replicas = controller.getReplicasManager();
        // However long it takes: a replica that was not in sync when the group stopped waits for the other.
        while (!elected(replicas)) {
            Thread.sleep(100);
        }
        Thread role = new Thread(() -> {
            while (true) {
                try {
                    Files.writeString(roleFile, (replicas.isMasterState() ? "master" : "slave") + " "
                            + ProcessHandle.current().pid() + "\n");
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }, "role-file");
        role.setDaemon(true);
        role.start();
        Files.writeString(roleFile, (replicas.isMasterState() ? "master" : "slave") + " " + ProcessHandle.current().pid() + "\n");
    }
}
