package exchange.it.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./exchange chaos [seconds=120 seed=1 users=20 clients=8 faults=0 plan=]}: a seeded chaos run
 * against the running cluster ({@code ./exchange start --cluster}); prints the report and exits 1
 * when anything was lost or doubled or the books do not balance.
 */
public final class Chaos {
    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> conf = new HashMap<>(Map.of("seconds", "120", "seed", "1", "users", "20", "clients", "8",
                "faults", "0", "plan", ""));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !conf.containsKey(kv[0])) {
                System.err.println("usage: ./exchange chaos [seconds=120] [seed=1] [users=20] [clients=8] [faults=0 (as many as fit)] [plan=broker,leader,standby,replica,... (else seeded)]");
                System.exit(2);
            }
            conf.put(kv[0], kv[1]);
        }
        ChaosRun.Settings settings = new ChaosRun.Settings(Integer.parseInt(conf.get("seconds")), Long.parseLong(conf.get("seed")),
                Integer.parseInt(conf.get("users")), Integer.parseInt(conf.get("clients")), Integer.parseInt(conf.get("faults")),
                java.util.Arrays.stream(conf.get("plan").split(",")).filter(k -> !k.isBlank()).map(k -> switch (k.trim()) {
                    case "leader" -> ChaosRun.FaultKind.KILL_LEADER;
                    case "standby" -> ChaosRun.FaultKind.KILL_STANDBY;
                    case "broker" -> ChaosRun.FaultKind.KILL_BROKER_MASTER;
                    case "replica" -> ChaosRun.FaultKind.BOUNCE_DB_REPLICA;
                    default -> throw new IllegalArgumentException("plan: leader, standby, broker or replica, not " + k);
                }).toList(), true);
        ChaosReport report = new ChaosRun(settings, Path.of(System.getProperty("exchange.work", ".work"))).run();
        System.out.print(report.text());
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }
}
