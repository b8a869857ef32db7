package exchange.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.rocketmq.namesrv.NamesrvStartup;

/**
 * The RocketMQ name server on 127.0.0.1, in its own JVM. Args: work dir. With
 * {@code EXCHANGE_CONTROLLER_PORT} set (the cluster, issue #16) it also runs RocketMQ's controller
 * (one DLedger peer on that port), which elects the master of the replicated broker group.
 */
public final class NameServer {
    private NameServer() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path home = Files.createDirectories(work.resolve("rocketmq"));
        int port = Ports.intEnv("EXCHANGE_NAMESRV_PORT", 9876);
        int controllerPort = Ports.intEnv("EXCHANGE_CONTROLLER_PORT", 0);
        Path conf = home.resolve("namesrv.conf");
        String settings = String.join("\n",
                "listenPort=" + port,
                "bindAddress=127.0.0.1",
                "rocketmqHome=" + home,
                "kvConfigPath=" + home.resolve("namesrv-kv.json"));
        if (controllerPort > 0) {
            settings += "\n" + String.join("\n",
                    "enableControllerInNamesrv=true",
                    "controllerDLegerGroup=exchange-controller",
                    "controllerDLegerPeers=n0-127.0.0.1:" + controllerPort,
                    "controllerDLegerSelfId=n0",
                    "controllerStorePath=" + Files.createDirectories(Path.of(Ports.env("EXCHANGE_CONTROLLER_STORE",
                            home.resolve("controller").toString()))),
                    // Look for silent brokers every 500 ms (default 5 s): part of the failover time.
                    "scanNotActiveBrokerInterval=500",
                    "scanInactiveMasterInterval=500",
                    // Only a replica that was in the in-sync set (has every acknowledged message) may
                    // become master.
                    "enableElectUncleanMaster=false",
                    "notifyBrokerRoleChanged=true");
        }
        Files.writeString(conf, settings + "\n");
        NamesrvStartup.main0(new String[] {"-c", conf.toString()});
        if (controllerPort > 0) {
            // main0 starts only the name server; RocketMQ's own main starts the controller after it.
            NamesrvStartup.controllerManagerMain();
        }
        Ready.mark(work, args.length > 1 ? args[1] : "namesrv");
    }
}
