package exchange.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.rocketmq.namesrv.NamesrvStartup;

/** The RocketMQ name server on 127.0.0.1, in its own JVM. Args: work dir. */
public final class NameServer {
    private NameServer() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path home = Files.createDirectories(work.resolve("rocketmq"));
        int port = Ports.intEnv("EXCHANGE_NAMESRV_PORT", 9876);
        Path conf = home.resolve("namesrv.conf");
        Files.writeString(conf, String.join("\n",
                "listenPort=" + port,
                "bindAddress=127.0.0.1",
                "rocketmqHome=" + home,
                "kvConfigPath=" + home.resolve("namesrv-kv.json")) + "\n");
        NamesrvStartup.main0(new String[] {"-c", conf.toString()});
        Ready.mark(work, "namesrv");
    }
}
