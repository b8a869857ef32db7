package exchange.it.cluster;

import exchange.it.bench.EndToEndBench;
import exchange.it.support.Api;
import exchange.it.support.Users;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A seeded random run against the cluster, through the traders' address (HAProxy): traders place
 * and cancel orders and operators credit them, while the instance that leads the engine (or the one
 * standing by) is killed with -9 at seeded moments and started again. Every answer is kept; at the
 * end the database and the journal are held against them: nothing answered as accepted is lost,
 * nothing is doubled, no balance is negative, each asset is conserved exactly, and the engine equals
 * a replay of its journal. {@code ./exchange chaos} prints the report; {@code ClusterChaosIT} runs
 * a short one and asserts it.
 */
public final class ChaosRun {
    /**
     * What the run does. {@code faults} caps the faults injected (0: as many as fit); {@code plan}, when
     * not empty, names them in order (else the seed draws them, the first always a leader's kill).
     */
    public record Settings(int seconds, long seed, int users, int clients, int faults, List<FaultKind> plan, boolean chain) {
        public Settings(int seconds, long seed, int users, int clients, int faults) {
            this(seconds, seed, users, clients, faults, List.of(), true);
        }
    }

    /**
     * The Payara instance leading the engine, the one standing by, or the broker group's master
     * replica, killed with -9; or the database replica stopped for a few seconds and started again.
     */
    public enum FaultKind { KILL_LEADER, KILL_STANDBY, KILL_BROKER_MASTER, BOUNCE_DB_REPLICA }

    /**
     * One injected fault: when (seconds into the load), which instance or broker replica, how long
     * until the survivor led (ms; the other broker replica was master, for a broker; -1 when it never
     * did, 0 when the standby was killed), until the traders' address took an order again (ms), and
     * until the killed one stood by again (ms).
     */
    public record Fault(FaultKind kind, String instance, double atSecond, long takeoverMillis, long ordersAgainMillis,
                        long rejoinedMillis) {
    }

    enum Outcome { ACCEPTED, REFUSED, UNKNOWN }

    record Place(String clientOrderId, long userId, long orderId, Outcome outcome, long sentNanos, long answeredNanos) {
    }

    record Cancel(long orderId, long userId, Outcome outcome) {
    }

    record Credit(String requestId, long userId, String asset, BigDecimal amount, Outcome outcome) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Settings settings;
    private final ClusterControl cluster;
    private final ConcurrentLinkedQueue<Place> places = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Cancel> cancels = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Credit> credits = new ConcurrentLinkedQueue<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, Long> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> reads = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;

    public ChaosRun(Settings settings, Path work) {
        this.settings = settings;
        this.cluster = new ClusterControl(work);
    }

    public ClusterControl cluster() {
        return cluster;
    }

    public ChaosReport run() throws Exception {
        if (!cluster.running()) {
            throw new IllegalStateException("the cluster is not running: ./exchange start --cluster");
        }
        String admin = Users.adminToken();
        Users.secondAdminToken();
        // Unique per run: it names the market, and prefixes every client order id and credit request id.
        String symbol = "CHAOS" + settings.seed() + "X" + (System.currentTimeMillis() % 100_000);
        Api.Reply market = Api.post("/api/admin/markets", "{\"symbol\":\"" + symbol + "\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
                + "\"priceTick\":0.01,\"quantityStep\":0.0001,\"minNotional\":1,\"makerFee\":0.001,\"takerFee\":0.002}", admin);
        if (market.status() != 201) {
            throw new IllegalStateException("market not listed: " + market.body());
        }
        List<Users.Trader> traders = EndToEndBench.register(settings.users(), admin, "chaos");
        ChainActivity chain = settings.chain() ? new ChainActivity(traders) : null;
        long loadStart = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            int client = c;
            Thread t = new Thread(() -> client(client, symbol, traders, admin), "chaos-client-" + c);
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
        // Ether in and out on the dev chain, a step every half second or so.
        if (chain != null) {
            Thread chainClient = new Thread(() -> {
                Random random = new Random(settings.seed() * 7 + 3);
                int n = 0;
                while (running) {
                    chain.step(random, symbol + "-w" + n++);
                    ClusterControl.sleep(200 + random.nextInt(600));
                }
            }, "chaos-chain");
            chainClient.setDaemon(true);
            chainClient.start();
            clients.add(chainClient);
        }
        // Faults on a thread of their own: the load ends on time while a killed instance is still restarting.
        java.util.concurrent.atomic.AtomicReference<Throwable> faultError = new java.util.concurrent.atomic.AtomicReference<>();
        Thread faulting = new Thread(() -> {
            try {
                injectFaults(loadStart);
            } catch (Throwable e) {
                faultError.set(e);
            }
        }, "chaos-faults");
        faulting.setDaemon(true);
        faulting.start();
        try {
            Thread.sleep(settings.seconds() * 1000L);
        } finally {
            running = false;
        }
        for (Thread t : clients) {
            t.join();
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        faulting.join();
        if (faultError.get() != null) {
            throw new IllegalStateException("a fault could not be injected", faultError.get());
        }
        // Every instance back and standing by or leading, before the books are checked.
        for (ClusterControl.Instance i : cluster.instances()) {
            if (cluster.role(i) == ClusterControl.Role.DOWN) {
                cluster.start(i);
            }
        }
        ChainActivity.Result chainResult = chain == null ? ChainActivity.Result.none() : chain.settle();
        return new ChaosChecks(symbol, traders, admin, settings, loadSeconds, List.copyOf(places), List.copyOf(cancels),
                List.copyOf(credits), List.copyOf(faults), new TreeMap<>(refusals), new TreeMap<>(reads), chainResult).check();
    }

    /** Seeded fault moments over the load: one at a time, each waited out (the victim back as a standby). */
    private void injectFaults(long loadStart) {
        Random random = new Random(settings.seed());
        long end = loadStart + settings.seconds() * 1_000_000_000L;
        // The first fault after a fifth of the run: orders resting in the book and the standby following.
        long next = loadStart + (long) (settings.seconds() * 0.2e9) + random.nextInt(3000) * 1_000_000L;
        while (running && next < end - 5_000_000_000L) {
            if (System.nanoTime() < next || settings.faults() > 0 && faults.size() >= settings.faults()) {
                ClusterControl.sleep(100);
                continue;
            }
            FaultKind kind = nextKind(random);
            Fault fault = switch (kind) {
                case KILL_BROKER_MASTER -> killBrokerMaster(loadStart);
                case BOUNCE_DB_REPLICA -> bounceDbReplica(loadStart);
                default -> killInstance(kind, loadStart);
            };
            if (fault == null) {
                ClusterControl.sleep(200);
                continue;
            }
            faults.add(fault);
            System.out.printf("chaos: %s %s at %.1f s: takeover %d ms, orders accepted again after %d ms, rejoined after %d ms%n",
                    fault.kind(), fault.instance(), fault.atSecond(), fault.takeoverMillis(), fault.ordersAgainMillis(),
                    fault.rejoinedMillis());
            next = System.nanoTime() + (2_000 + random.nextInt(8_000)) * 1_000_000L;
        }
    }

    /** The plan's next fault, or a seeded draw: the first a leader's kill, then a leader, the standby or the broker master. */
    private FaultKind nextKind(Random random) {
        if (!settings.plan().isEmpty()) {
            return settings.plan().get(Math.min(faults.size(), settings.plan().size() - 1));
        }
        int draw = random.nextInt(7);
        return faults.isEmpty() ? FaultKind.KILL_LEADER : draw == 0 ? FaultKind.KILL_STANDBY : draw == 1 ? FaultKind.BOUNCE_DB_REPLICA
                : draw <= 3 ? FaultKind.KILL_BROKER_MASTER : FaultKind.KILL_LEADER;
    }

    /** Kills the leading or the standing-by instance, times the takeover, starts it again; null when the cluster is not whole yet. */
    private Fault killInstance(FaultKind kind, long loadStart) {
        ClusterControl.Instance leader = cluster.leader().orElse(null);
        if (leader == null) {
            return null;
        }
        ClusterControl.Instance survivor = cluster.other(leader);
        if (cluster.role(survivor) != ClusterControl.Role.STANDBY) {
            return null;
        }
        ClusterControl.Instance victim = kind == FaultKind.KILL_LEADER ? leader : survivor;
        double at = (System.nanoTime() - loadStart) / 1e9;
        long killedAt = System.nanoTime();
        long killedAtWall = System.currentTimeMillis();
        cluster.kill(victim);
        long gone = System.nanoTime();
        // From the kill to the moment the survivor's engine says it took the lead (same machine, same clock).
        long takeover = kind != FaultKind.KILL_LEADER ? 0
                : cluster.await(survivor, ClusterControl.Role.LEADER, 30_000, 20) < 0 ? -1
                : cluster.leadingSince(survivor) - killedAtWall;
        long ordersAgain = firstOrderAfter(gone, killedAt, 30_000);
        long restartAt = System.nanoTime();
        cluster.start(victim);
        long rejoined = cluster.await(victim, ClusterControl.Role.STANDBY, 240_000, 200) < 0 ? -1
                : (System.nanoTime() - restartAt) / 1_000_000;
        return new Fault(kind, victim.name(), at, takeover, ordersAgain, rejoined);
    }

    /**
     * Kills the broker group's master replica (the journal, the events, the outboxes all write to it):
     * times the other replica's election and the first order accepted after the kill, then starts the
     * killed replica again, which rejoins as the new master's replica.
     */
    private Fault killBrokerMaster(long loadStart) {
        String master = cluster.brokerMaster().orElse(null);
        if (master == null || cluster.leader().isEmpty()) {
            return null;
        }
        String other = cluster.otherBroker(master);
        double at = (System.nanoTime() - loadStart) / 1e9;
        long killedAt = System.nanoTime();
        cluster.killBroker(master);
        long gone = System.nanoTime();
        // From before the kill (the process takes a moment to die) to the other replica's role file saying master.
        long takeover = cluster.awaitBrokerMaster(other, 60_000) < 0 ? -1 : (System.nanoTime() - killedAt) / 1_000_000;
        long ordersAgain = firstOrderAfter(gone, killedAt, 60_000);
        long restartAt = System.nanoTime();
        cluster.startBroker(master);
        return new Fault(FaultKind.KILL_BROKER_MASTER, master, at, takeover, ordersAgain, (System.nanoTime() - restartAt) / 1_000_000);
    }

    /**
     * Stops the database replica (history reads go to the primary meanwhile), starts it again after
     * a few seconds; the time until the first order accepted after the stop, and the replica's restart.
     */
    private Fault bounceDbReplica(long loadStart) {
        double at = (System.nanoTime() - loadStart) / 1e9;
        long stoppedAt = System.nanoTime();
        cluster.exchange("db-replica", "stop");
        ClusterControl.sleep(5_000);
        long restartAt = System.nanoTime();
        cluster.exchange("db-replica", "start");
        return new Fault(FaultKind.BOUNCE_DB_REPLICA, "db-replica", at, 0, firstOrderAfter(stoppedAt, stoppedAt, 30_000),
                (System.nanoTime() - restartAt) / 1_000_000);
    }

    /**
     * Milliseconds from {@code from} until the first order sent after {@code sentAfter} was accepted;
     * -1 if none in the time. Orders sent before the victim's process was gone do not count: the
     * dying process may still have answered them.
     */
    private long firstOrderAfter(long sentAfter, long from, long timeoutMillis) {
        long deadline = sentAfter + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            long first = places.stream().filter(p -> p.outcome() == Outcome.ACCEPTED && p.sentNanos() > sentAfter)
                    .mapToLong(Place::answeredNanos).min().orElse(-1);
            if (first > 0) {
                return (first - from) / 1_000_000;
            }
            ClusterControl.sleep(20);
        }
        return -1;
    }

    /** One trader's client, closed loop: places (with a client order id, so even an unanswered one can be found), cancels, credits. */
    private void client(int client, String symbol, List<Users.Trader> traders, String admin) {
        Random random = new Random(settings.seed() * 1_000 + client);
        Map<Users.Trader, List<Long>> open = new java.util.HashMap<>();
        int n = 0;
        while (running) {
            Users.Trader t = traders.get(random.nextInt(traders.size()));
            List<Long> own = open.computeIfAbsent(t, x -> new ArrayList<>());
            int pick = random.nextInt(100);
            String id = symbol + "-" + client + "-" + (n++);
            if (pick < 3) {
                // A trader's chart and tape: history read from the database replica, or the primary when it is down.
                int status = get("/api/trade/" + (random.nextBoolean() ? "klines?interval=1m&symbol=" : "recent-trades?symbol=") + symbol);
                reads.merge(status == 200 ? "200" : Integer.toString(status), 1L, Long::sum);
                continue;
            }
            if (pick < 6) {
                String asset = random.nextBoolean() ? "USDT" : "BTC";
                BigDecimal amount = asset.equals("USDT") ? BigDecimal.valueOf(1 + random.nextInt(500)) : BigDecimal.valueOf(1 + random.nextInt(100), 3);
                Answer a = send("/api/admin/wallet/adjustments", "{\"userId\":" + t.id() + ",\"asset\":\"" + asset + "\",\"amount\":"
                        + amount.toPlainString() + ",\"reason\":\"chaos run credit\",\"requestId\":\"" + id + "\"}", admin);
                credits.add(new Credit(id, t.id(), asset, amount, a.outcome(201)));
                refused(a, "credit");
            } else if (pick < 30 && !own.isEmpty()) {
                long orderId = own.remove(random.nextInt(own.size()));
                Answer a = send("/api/trade/order/cancel", "{\"orderId\":" + orderId + "}", t.token());
                // 409: the order ended (filled) first: nothing to cancel, not a loss.
                Outcome o = a.status == 202 ? Outcome.ACCEPTED : a.status == 409 || a.status / 100 == 4 ? Outcome.REFUSED : Outcome.UNKNOWN;
                cancels.add(new Cancel(orderId, t.id(), o));
            } else {
                boolean buy = random.nextBoolean();
                BigDecimal price = BigDecimal.valueOf(9_900 + random.nextInt(150) + (buy ? 0 : 50), 2);
                BigDecimal qty = BigDecimal.valueOf(20 + random.nextInt(180), 3);
                long sent = System.nanoTime();
                Answer a = send("/api/trade/order/create", "{\"symbol\":\"" + symbol + "\",\"side\":\"" + (buy ? "BUY" : "SELL")
                        + "\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":" + price.toPlainString() + ",\"quantity\":"
                        + qty.toPlainString() + ",\"clientOrderId\":\"" + id + "\"}", t.token());
                long orderId = 0;
                if (a.status == 201) {
                    int at = a.body.indexOf("\"orderId\":") + 10;
                    int end = at;
                    while (end < a.body.length() && Character.isDigit(a.body.charAt(end))) {
                        end++;
                    }
                    orderId = Long.parseLong(a.body.substring(at, end));
                    own.add(orderId);
                }
                places.add(new Place(id, t.id(), orderId, a.outcome(201), sent, System.nanoTime()));
                refused(a, "place");
            }
            if (n % 50 == 0) {
                own.removeIf(x -> own.size() > 40); // keep each trader's cancel list short
            }
        }
    }

    private void refused(Answer a, String what) {
        if (a.status / 100 != 2) {
            String code = a.status <= 0 ? "no answer" : a.status + " " + a.body.replaceAll("(?s).*\"code\":\"([A-Z_]+)\".*", "$1");
            refusals.merge(what + " " + (code.length() > 60 ? code.substring(0, 60) : code), 1L, Long::sum);
        }
    }

    private record Answer(int status, String body) {
        /** 4xx: refused, nothing changed. No answer or 5xx: unknown (the command may or may not have been applied). */
        Outcome outcome(int accepted) {
            return status == accepted ? Outcome.ACCEPTED : status / 100 == 4 ? Outcome.REFUSED : Outcome.UNKNOWN;
        }
    }

    private static int get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Answer send(String path, String json, String token) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (Exception e) {
            return new Answer(-1, e.toString());
        }
    }

    static String userIds(List<Users.Trader> traders) {
        return traders.stream().map(t -> Long.toString(t.id())).collect(Collectors.joining(","));
    }
}
