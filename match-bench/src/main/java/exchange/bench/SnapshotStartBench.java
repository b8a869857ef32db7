package exchange.bench;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.CoreSnapshot;
import exchange.match.core.EventRecorder;
import exchange.match.core.TradingCore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How fast the engine starts from a snapshot of a large exchange, and how much heap that state
 * takes: builds {@code users} funded accounts and {@code orders} resting orders through the core
 * (two markets, bids below asks so nothing trades), writes the snapshot to a file, then starts a
 * fresh JVM with a {@code heap} limit (1 GiB by default) that reads it back and prints the time
 * until the core is ready, the heap it holds after a full GC, and its state hash, which must equal
 * the builder's. Run with {@code ./exchange bench snapshot [orders=1000000] [users=100000] [heap=1g] [seed=1]}.
 */
public final class SnapshotStartBench {
    private SnapshotStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 2 && "restore".equals(args[0])) {
            restore(Path.of(args[1]));
            return;
        }
        long orders = 1_000_000;
        int users = 100_000;
        String heap = "1g";
        long seed = 1;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "orders" -> orders = Long.parseLong(kv[1].replace("_", ""));
                case "users" -> users = Integer.parseInt(kv[1].replace("_", ""));
                case "heap" -> heap = kv[1];
                case "seed" -> seed = Long.parseLong(kv[1]);
                default -> {
                    System.err.println("usage: snapshot [orders=1000000] [users=100000] [heap=1g] [seed=1]");
                    System.exit(2);
                }
            }
        }
        System.out.printf("== building %,d users and %,d resting orders (seed %d)%n", users, orders, seed);
        long t0 = System.nanoTime();
        TradingCore core = build(orders, users, seed);
        long hash = core.stateHash();
        System.out.printf("   built in %.2f s: %,d open orders, state hash %016x%n", (System.nanoTime() - t0) / 1e9,
                core.openOrders(), hash);
        Path file = Files.createTempFile("core-snapshot", ".bin");
        t0 = System.nanoTime();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            CoreSnapshot.write(core, out);
        }
        System.out.printf("   snapshot written in %.2f s: %,d bytes%n", (System.nanoTime() - t0) / 1e9, Files.size(file));
        core = null;

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                SnapshotStartBench.class.getName(), "restore", file.toString()));
        System.out.printf("== a fresh JVM with -Xmx%s starts from it%n", heap);
        long launched = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        int exit = child.waitFor();
        double wall = (System.nanoTime() - launched) / 1e9;
        if (!Boolean.getBoolean("bench.keep")) {
            Files.deleteIfExists(file);
        }
        System.out.print(output.lines().map(l -> "   " + l + "\n").reduce("", String::concat));
        if (exit != 0) {
            System.out.println("ERROR: the restoring JVM failed (exit " + exit + ")");
            System.exit(1);
        }
        boolean same = output.contains(String.format("state hash %016x", hash));
        System.out.printf("   process launch to exit: %.2f s; state %s%n", wall, same ? "identical to the builder's" : "DIFFERENT");
        System.out.println(output.lines().filter(l -> l.startsWith("ready in")).findFirst()
                .map(l -> "snapshot start: " + l).orElse("snapshot start: n/a"));
        System.exit(same ? 0 : 1);
    }

    /** Bids at 9 000..9 999 ticks, asks at 10 000..10 999, spread over two markets and the users. */
    static TradingCore build(long orders, int users, long seed) {
        TradingCore core = new TradingCore(new TradingCoreRunner.CountingOutput());
        core.addAsset(0);
        core.addAsset(1);
        core.addAsset(2);
        core.addMarket(0, 0, 2, 1_000, 10, 100_000, 100_000, 5_000_000);
        core.addMarket(1, 1, 2, 1_000, 10, 100_000, 100_000, 5_000_000);
        core.setLevelLimits(0, 2, TradingCore.MAX_SUPPLY, TradingCore.MAX_SUPPLY);
        core.setTime(1_767_225_600_000L);
        long ref = 1;
        for (int u = 1; u <= users; u++) {
            core.deposit(u, 0, 1_000_000_000L, ref++);
            core.deposit(u, 1, 1_000_000_000L, ref++);
            core.deposit(u, 2, 1_000_000_000_000L, ref++);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (long id = 1; id <= orders; id++) {
            boolean buy = rnd.nextBoolean();
            long price = buy ? 9_000 + rnd.nextInt(1_000) : 10_000 + rnd.nextInt(1_000);
            // Every tenth order carries a client's id, as API clients' orders do.
            if (!core.place(id, 1 + rnd.nextInt(users), rnd.nextInt(2), buy ? Side.BUY : Side.SELL, OrderType.LIMIT,
                    TimeInForce.GTC, price, 0, 1 + rnd.nextInt(100), 0, SelfTradePrevention.EXPIRE_TAKER,
                    id % 10 == 0 ? "bench-" + id : null).accepted()) {
                throw new IllegalStateException("order " + id + " refused");
            }
        }
        return core;
    }

    private static void restore(Path file) throws IOException {
        long t0 = System.nanoTime();
        TradingCore core;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            core = CoreSnapshot.read(in, new EventRecorder());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long hash = core.stateHash();
        System.gc();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("ready in %.2f s (reading the snapshot file to a core that takes commands), heap after full GC %,d MB"
                + " (limit %,d MB), %,d open orders%n", seconds, used >> 20, Runtime.getRuntime().maxMemory() >> 20, core.openOrders());
        System.out.printf("state hash %016x%n", hash);
    }
}
