package exchange.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Run parameters. Each can be given as a {@code key=value} argument or a {@code -Dbench.key=value}
 * system property (the argument wins), so {@code ./exchange bench engine commands=500000} and a
 * JVM flag both work without a parser library.
 */
final class BenchConfig {
    final long seed;
    final int warmup;
    final int commands;
    final int users;
    final int targetOrders;
    final long startPrice;
    /** Throughput repetitions per engine; the median is reported because 2 shared cores are noisy. */
    final int runs;
    final boolean exchangeCore;
    final boolean exchangeCoreBookOnly;
    /** Also run a funded stream through our whole core and exchange-core with its risk engine on. */
    final boolean risk;
    /** exchange-core's latency is sampled on this many commands, submitted at a paced rate. */
    final int coreLatencyCommands;
    final int coreLatencyRate;
    final int timeoutSeconds;
    /** exchange-core's disruptor wait strategy: YIELDING, BUSY_SPIN, BLOCKING or SECOND_STEP_NO_WAIT. */
    final String coreWait;

    private BenchConfig(Map<String, String> args) {
        Reader r = new Reader(args);
        seed = r.longValue("seed", 1);
        warmup = r.intValue("warmup", 2_000_000);
        commands = r.intValue("commands", 3_000_000);
        users = r.intValue("users", 1_000);
        targetOrders = r.intValue("orders", 1_000);
        startPrice = r.longValue("price", 10_000);
        runs = r.intValue("runs", 3);
        exchangeCore = r.boolValue("core", true);
        exchangeCoreBookOnly = r.boolValue("coreBook", true);
        risk = r.boolValue("risk", true);
        coreLatencyCommands = r.intValue("latencyCommands", 50_000);
        coreLatencyRate = r.intValue("latencyRate", 10_000);
        timeoutSeconds = r.intValue("timeout", 120);
        coreWait = r.stringValue("coreWait", "YIELDING");
        r.rejectUnknown();
        if (coreLatencyRate <= 0) {
            throw new IllegalArgumentException("latencyRate must be > 0");
        }
        if (warmup < 0 || commands <= 0 || users <= 0 || targetOrders <= 0 || runs <= 0 || startPrice < 1_000) {
            throw new IllegalArgumentException("warmup >= 0, commands/users/orders/runs > 0 and price >= 1000 required");
        }
        if ((long) warmup + commands > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("warmup + commands must fit in an array");
        }
    }

    static BenchConfig parse(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg + "\n" + usage());
            }
            map.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new BenchConfig(map);
    }

    static String usage() {
        return "usage: EngineBenchmark [seed=1] [warmup=2000000] [commands=3000000] [users=1000] [orders=1000]"
                + " [price=10000] [runs=3] [core=true] [coreBook=true] [risk=true] [latencyCommands=50000]"
                + " [latencyRate=10000] [coreWait=YIELDING] [timeout=120]   (or -Dbench.<key>=<value>)";
    }

    /** Looks a key up in the arguments, then the system properties, and remembers what it consumed. */
    private static final class Reader {
        private final Map<String, String> args;
        private final Map<String, Boolean> known = new HashMap<>();

        Reader(Map<String, String> args) {
            this.args = args;
        }

        private String raw(String key) {
            known.put(key, true);
            String v = args.get(key);
            return v != null ? v : System.getProperty("bench." + key);
        }

        long longValue(String key, long dflt) {
            String v = raw(key);
            return v == null ? dflt : Long.parseLong(v.replace("_", ""));
        }

        int intValue(String key, int dflt) {
            return Math.toIntExact(longValue(key, dflt));
        }

        String stringValue(String key, String dflt) {
            String v = raw(key);
            return v == null ? dflt : v;
        }

        boolean boolValue(String key, boolean dflt) {
            String v = raw(key);
            if (v == null) {
                return dflt;
            }
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(key + " must be true or false, got: " + v);
            }
            return Boolean.parseBoolean(v);
        }

        void rejectUnknown() {
            for (String key : args.keySet()) {
                if (!known.containsKey(key)) {
                    throw new IllegalArgumentException("unknown parameter: " + key + "\n" + usage());
                }
            }
        }
    }
}
