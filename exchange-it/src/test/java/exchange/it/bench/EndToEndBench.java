package exchange.it.bench;

import exchange.it.support.Api;
import exchange.it.support.Users;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./exchange bench e2e}: many traders placing and cancelling orders through the REST API
 * with everything real (JWT, JTA, MariaDB, RocketMQ, the engine, settlement), then, in the same
 * run, the raw durable single-row commit rate of the same MariaDB as the machine's yardstick.
 * Not a test: it asserts nothing and is not part of {@code ./exchange test}.
 */
public final class EndToEndBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        // 200 traders: with 40, two clients often traded for the same user at once and queued on that user's
        // account row, which measured lock waits more than the exchange.
        Map<String, String> conf = new HashMap<>(Map.of("users", "200", "clients", "32", "seconds", "60", "warmup", "60",
                "cancelShare", "0.25", "dbSeconds", "5", "floorSeconds", "20"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            conf.put(kv[0], kv[1]);
        }
        int users = Integer.parseInt(conf.get("users"));
        int clients = Integer.parseInt(conf.get("clients"));
        int seconds = Integer.parseInt(conf.get("seconds"));
        int warmup = Integer.parseInt(conf.get("warmup"));
        double cancelShare = Double.parseDouble(conf.get("cancelShare"));
        System.out.printf("e2e bench: %d users, %d concurrent clients, %d s warm-up + %d s measured, %.0f%% cancels, transport %s%n",
                users, clients, warmup, seconds, cancelShare * 100, conf.getOrDefault("transport", "rest"));

        String admin = Users.adminToken();
        Users.secondAdminToken(); // made before any four-eyes request it approves
        String symbol = "E2E" + (100_000 + new Random().nextInt(900_000));
        post("/api/admin/markets", "{\"symbol\":\"" + symbol + "\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
                + "\"priceTick\":0.01,\"quantityStep\":0.0001,\"minNotional\":1,\"makerFee\":0.001,\"takerFee\":0.001}", admin, 201);
        List<Users.Trader> traders = register(users, admin, "bench");
        System.out.printf("registered and funded %d traders on %s%n", traders.size(), symbol);

        // The floors, with this bench's own client and concurrency: what Payara answers for a bare
        // servlet, and for a signed-in no-op through every filter of the API.
        int floorSeconds = Integer.parseInt(conf.get("floorSeconds"));
        Floor servlet = Floor.measure("/health/live", null, clients, floorSeconds);
        Floor requestPath = Floor.measure("/api/user/ping", traders.get(0).token(), clients, floorSeconds);

        boolean ws = "ws".equals(conf.getOrDefault("transport", "rest"));
        Map<Users.Trader, String[]> keys = ws ? apiKeys(traders) : Map.of();
        Load load = new Load(symbol, traders, clients, cancelShare, ws, keys);
        ProjectionLag lag = new ProjectionLag(admin);
        Thread sampler = new Thread(lag, "projection-lag");
        sampler.start();
        load.run(warmup, seconds);
        long drainStart = System.nanoTime();
        long results = awaitSettled(symbol, admin);
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        // Sample on until the projections have passed what the engine had applied by the load's end.
        for (int i = 0; i < 3000 && lag.drainedMillis(load.measuredTo) < 0; i++) {
            Thread.sleep(200);
        }
        lag.running = false;
        sampler.join();
        long[] lags = lag.lagsMillis(load.measuredFrom, load.measuredTo);
        double projectedDrain = lag.drainedMillis(load.measuredTo) / 1000.0;

        double[] single = commitRate(1, Integer.parseInt(conf.get("dbSeconds")));
        double[] parallel = commitRate(clients, Integer.parseInt(conf.get("dbSeconds")));

        System.out.println();
        System.out.printf("servlet floor (GET /health/live, %d clients, %d s): %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors%n",
                clients, floorSeconds, servlet.rate(), servlet.percentile(50), servlet.percentile(99), servlet.errors);
        System.out.printf("request-path floor (GET /api/user/ping signed in): %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors;"
                + " %.2f x the servlet floor (goal >= 0.70)%n", requestPath.rate(), requestPath.percentile(50),
                requestPath.percentile(99), requestPath.errors, requestPath.rate() / servlet.rate());
        System.out.printf("%s load, %d s measured: %.0f orders/s placed, %.0f cancels/s, %d errors%n", ws
                        ? "WebSocket API (order.place ACK / order.cancel, one connection per client)" : "REST", seconds,
                load.placed / (double) seconds, load.cancels / (double) seconds, load.errors);
        if (!load.errorKinds.isEmpty()) {
            System.out.println("errors by kind: " + load.errorKinds);
        }
        System.out.printf("latency of a request (create or cancel): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                load.percentile(50), load.percentile(90), load.percentile(99), load.percentile(100));
        System.out.printf("projection lag (engine applied -> trade and wallet projections committed, sampled every"
                        + " 100 ms while measuring): p50 %d ms, p99 %d ms, max %d ms over %d samples (goal p99 <= 500 ms);"
                        + " drained %.1f s after the load (goal <= 2 s)%n", pct(lags, 50), pct(lags, 99), pct(lags, 100),
                lags.length, projectedDrain);
        System.out.printf("engine results for %s: %d, all settled %.1f s after the load ended"
                + " (open orders in the database = resting orders in the engine)%n", symbol, results, drainSeconds);
        if (results == 0) {
            System.out.println("WARNING: nothing was settled: the engine or settlement is not running, so this is not an end-to-end figure");
        }
        System.out.printf("MariaDB durable single-row commits: %.0f/s on 1 connection, %.0f/s on %d connections%n",
                single[0], parallel[0], clients);
        System.out.printf("orders/s as a share of the single-connection commit rate: %.2f%n",
                load.placed / (double) seconds / single[0]);
        System.out.printf("accepted orders/s: %.2f x the servlet floor (goal >= %s); request p99: %.2f x the servlet"
                + " floor's p99 (goal <= 2.00)%n", load.placed / (double) seconds / servlet.rate(), ws ? "1.00, over WebSockets" : "0.50",
                load.percentile(99) / servlet.percentile(99));
    }

    /** A TRADE key per trader, for the WebSocket API: {apiKey, secret}. */
    private static Map<Users.Trader, String[]> apiKeys(List<Users.Trader> traders) {
        Map<Users.Trader, String[]> keys = new HashMap<>();
        for (Users.Trader t : traders) {
            Api.Reply r = Api.post("/api/user/api-keys", "{\"label\":\"bench\",\"permissions\":[\"TRADE\"],\"ipWhitelist\":[]}",
                    t.token());
            if (r.status() != 201) {
                throw new IllegalStateException(r.body());
            }
            keys.put(t, new String[] {r.json().getString("apiKey"), r.json().getString("secret")});
        }
        return keys;
    }

    /** What a place or cancel answered: the new order's id (places), or an error kind; never throws. */
    private record Answer(long orderId, String error) {
    }

    private interface Transport extends AutoCloseable {
        Answer place(Users.Trader t, String symbol, boolean buy, BigDecimal price, BigDecimal qty);

        Answer cancel(Users.Trader t, String symbol, long orderId);

        @Override
        default void close() {
        }
    }

    /** Our own REST API, a request each. */
    private static final class RestTransport implements Transport {
        @Override
        public Answer place(Users.Trader t, String symbol, boolean buy, BigDecimal price, BigDecimal qty) {
            HttpResponse<String> r = send("/api/trade/order/create", "{\"symbol\":\"" + symbol + "\",\"side\":\"" + (buy ? "BUY" : "SELL")
                    + "\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\",\"price\":" + price.toPlainString()
                    + ",\"quantity\":" + qty.toPlainString() + "}", t.token());
            if (r == null || r.statusCode() != 201) {
                return new Answer(0, kind(r));
            }
            String body = r.body();
            int at = body.indexOf("\"orderId\":") + 10;
            return new Answer(Long.parseLong(body.substring(at, body.indexOf(',', at)).trim()), null);
        }

        @Override
        public Answer cancel(Users.Trader t, String symbol, long orderId) {
            HttpResponse<String> r = send("/api/trade/order/cancel", "{\"orderId\":" + orderId + "}", t.token());
            // 409: the order ended (filled) before the cancel: a normal race, not an error.
            return r != null && (r.statusCode() == 202 || r.statusCode() == 409) ? new Answer(0, null) : new Answer(0, kind(r));
        }

        private static String kind(HttpResponse<String> r) {
            return r == null ? "no answer" : r.statusCode() + " " + r.body().replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1");
        }
    }

    /**
     * Binance's WebSocket API on one connection of this client's: {@code order.place} with an ACK
     * answer and {@code order.cancel}, each signed with the trader's key; one request in flight.
     */
    private static final class WsTransport implements Transport, java.net.http.WebSocket.Listener {
        private final Map<Users.Trader, String[]> keys;
        private final java.net.http.WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private volatile java.util.concurrent.CompletableFuture<String> pending;
        private long nextId;

        WsTransport(Map<Users.Trader, String[]> keys) {
            this.keys = keys;
            try {
                socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(Api.BASE.replaceFirst("^http", "ws") + "/ws-api/v3"), this)
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("WebSocket API did not open", e);
            }
        }

        @Override
        public Answer place(Users.Trader t, String symbol, boolean buy, BigDecimal price, BigDecimal qty) {
            String reply = call(t, "order.place", new java.util.TreeMap<>(Map.of("symbol", symbol, "side", buy ? "BUY" : "SELL",
                    "type", "LIMIT", "timeInForce", "GTC", "price", price.toPlainString(), "quantity", qty.toPlainString(),
                    "newOrderRespType", "ACK")));
            if (reply == null || !reply.contains("\"status\":200")) {
                return new Answer(0, error(reply));
            }
            int at = reply.indexOf("\"orderId\":") + 10;
            int end = at;
            while (end < reply.length() && Character.isDigit(reply.charAt(end))) {
                end++;
            }
            return new Answer(Long.parseLong(reply.substring(at, end)), null);
        }

        @Override
        public Answer cancel(Users.Trader t, String symbol, long orderId) {
            String reply = call(t, "order.cancel", new java.util.TreeMap<>(Map.of("symbol", symbol, "orderId", Long.toString(orderId))));
            // -2011: the order ended (filled) before the cancel: a normal race, not an error.
            return reply != null && (reply.contains("\"status\":200") || reply.contains("-2011")) ? new Answer(0, null)
                    : new Answer(0, error(reply));
        }

        private static String error(String reply) {
            return reply == null ? "no answer" : reply.replaceAll(".*\"code\":(-?[0-9]+).*", "$1");
        }

        private String call(Users.Trader t, String method, java.util.TreeMap<String, String> params) {
            String[] key = keys.get(t);
            params.put("apiKey", key[0]);
            params.put("timestamp", Long.toString(System.currentTimeMillis()));
            StringBuilder query = new StringBuilder();
            params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(v));
            params.put("signature", hmac(key[1], query.toString()));
            StringBuilder json = new StringBuilder("{\"id\":\"").append(++nextId).append("\",\"method\":\"").append(method)
                    .append("\",\"params\":{");
            params.forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v).append("\","));
            json.setLength(json.length() - 1);
            json.append("}}");
            java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
            pending = answer;
            try {
                socket.sendText(json, true).join();
                return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                return null;
            }
        }

        private static String hmac(String secret, String payload) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
                return java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                java.util.concurrent.CompletableFuture<String> p = pending;
                if (p != null && message.startsWith("{\"id\":")) {
                    p.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** Closed-loop GETs of one path by {@code clients} threads for a while: the rate and the latencies. */
    private static final class Floor {
        long count;
        long errors;
        double seconds;
        long[] sorted;

        static Floor measure(String path, String token, int clients, int seconds) throws Exception {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30)).GET();
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            HttpRequest request = builder.build();
            ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            long warmEnd = System.nanoTime() + Math.min(5, seconds) * 1_000_000_000L;
            long end = warmEnd + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    long[] mine = new long[1 << 20];
                    int n = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        int status;
                        try {
                            status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - now;
                        if (now >= warmEnd) {
                            if (status != 200) {
                                errors.incrementAndGet();
                            } else if (n < mine.length) {
                                mine[n++] = took;
                            }
                        }
                    }
                    samples.add(Arrays.copyOf(mine, n));
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();
            Floor f = new Floor();
            f.sorted = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            f.count = f.sorted.length;
            f.errors = errors.get();
            f.seconds = seconds;
            return f;
        }

        double rate() {
            return count / seconds;
        }

        double percentile(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    /** Signs up {@code users} traders and funds each with 50 000 USDT and 500 BTC (a second admin approves). */
    public static List<Users.Trader> register(int users, String admin, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Users.Trader>> futures = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            futures.add(pool.submit(() -> {
                Users.Trader t = Users.register(prefix);
                for (int tries = 0; ; tries++) {
                    Api.Reply r = Api.post("/api/admin/wallet/adjustments", "{\"userId\":" + t.id()
                            + ",\"asset\":\"USDT\",\"amount\":50000,\"reason\":\"bench\"}", admin);
                    if (r.status() == 201 || r.status() == 202) {
                        approveIfAsked(r);
                        break;
                    }
                    if (tries > 240) { // 60 s: on a cluster just started, the broker may still be spreading queues
                        throw new IllegalStateException(r.body());
                    }
                    Thread.sleep(250); // the wallet opens accounts on UserRegistered, a moment later
                }
                Api.Reply btc = Api.post("/api/admin/wallet/adjustments", "{\"userId\":" + t.id()
                        + ",\"asset\":\"BTC\",\"amount\":500,\"reason\":\"bench\"}", admin);
                approveIfAsked(btc);
                return t;
            }));
        }
        List<Users.Trader> traders = new ArrayList<>();
        for (Future<Users.Trader> f : futures) {
            traders.add(f.get());
        }
        pool.shutdown();
        return traders;
    }

    /** The clients: each picks a trader, and either places a limit order near the middle or cancels one of its own. */
    private static final class Load {
        final String symbol;
        final List<Users.Trader> traders;
        final int clients;
        final double cancelShare;
        final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        volatile boolean measuring;
        volatile boolean running = true;
        long placed;
        long cancels;
        long errors;
        final AtomicLong placedCount = new AtomicLong();
        final AtomicLong cancelCount = new AtomicLong();
        final AtomicLong errorCount = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
        long[] all;

        final boolean ws;
        final Map<Users.Trader, String[]> keys;

        Load(String symbol, List<Users.Trader> traders, int clients, double cancelShare, boolean ws, Map<Users.Trader, String[]> keys) {
            this.ws = ws;
            this.keys = keys;
            this.symbol = symbol;
            this.traders = traders;
            this.clients = clients;
            this.cancelShare = cancelShare;
        }

        volatile long measuredFrom;
        volatile long measuredTo;

        void run(int warmup, int seconds) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int seed = c;
                workers.add(pool.submit(() -> client(seed)));
            }
            Thread.sleep(warmup * 1000L);
            placedCount.set(0);
            cancelCount.set(0);
            errorCount.set(0);
            measuring = true;
            measuredFrom = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring = false;
            measuredTo = System.nanoTime();
            placed = placedCount.get();
            cancels = cancelCount.get();
            errors = errorCount.get();
            running = false;
            for (Future<?> w : workers) {
                w.get();
            }
            pool.shutdown();
            all = samples.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        }

        private void client(int seed) {
            Random random = new Random(seed);
            Map<Users.Trader, List<Long>> open = new HashMap<>();
            long[] mine = new long[1 << 20];
            int n = 0;
            try (Transport transport = ws ? new WsTransport(keys) : new RestTransport()) {
                while (running) {
                    Users.Trader t = traders.get(random.nextInt(traders.size()));
                    List<Long> own = open.computeIfAbsent(t, x -> new ArrayList<>());
                    boolean cancel = !own.isEmpty() && random.nextDouble() < cancelShare;
                    long start = System.nanoTime();
                    Answer r;
                    if (cancel) {
                        r = transport.cancel(t, symbol, own.remove(random.nextInt(own.size())));
                    } else {
                        boolean buy = random.nextBoolean();
                        // Prices straddle 100 so that about a third of the orders cross and trade.
                        BigDecimal price = BigDecimal.valueOf(9_900 + random.nextInt(150) + (buy ? 0 : 50), 2);
                        BigDecimal qty = BigDecimal.valueOf(20 + random.nextInt(180), 3); // 0.020 to 0.199: above the minimum notional
                        r = transport.place(t, symbol, buy, price, qty);
                        if (r.orderId() > 0) {
                            own.add(r.orderId());
                        }
                    }
                    long took = System.nanoTime() - start;
                    if (measuring) {
                        if (r.error() != null) {
                            errorCount.incrementAndGet();
                            errorKinds.computeIfAbsent((cancel ? "cancel " : "create ") + r.error(), k -> new AtomicLong())
                                    .incrementAndGet();
                        } else if (cancel) {
                            cancelCount.incrementAndGet();
                        } else {
                            placedCount.incrementAndGet();
                        }
                        if (n < mine.length) {
                            mine[n++] = took;
                        }
                    }
                }
            }
            samples.add(Arrays.copyOf(mine, n));
        }

        double percentile(double p) {
            if (all.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1);
            return all[Math.max(0, i)] / 1e6;
        }
    }

    private static HttpResponse<String> send(String path, String json, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static void post(String path, String json, String token, int expected) {
        Api.Reply r = Api.post(path, json, token);
        if (r.status() != expected) {
            throw new IllegalStateException(path + " answered " + r.status() + ": " + r.body());
        }
    }

    private static Connection db() throws Exception {
        String host = System.getenv().getOrDefault("EXCHANGE_DB_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("EXCHANGE_DB_PORT", "3306");
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?useSSL=false&allowPublicKeyRetrieval=true",
                System.getenv().getOrDefault("EXCHANGE_DB_USER", "exchange"),
                System.getenv().getOrDefault("EXCHANGE_DB_PASSWORD", "exchange"));
    }

    /**
     * Waits until settlement has caught up with the engine on the bench's symbol: the engine's
     * result count has stopped moving and the database's open orders are the engine's resting
     * orders. Returns the engine's result count.
     */
    private static long awaitSettled(String symbol, String admin) throws Exception {
        long last = -1;
        while (true) {
            Api.Reply status = Api.get("/api/admin/engine", admin);
            if (status.status() != 200) {
                // The engine answers status queries between batches; under a backlog it can time out.
                System.out.println("engine status: HTTP " + status.status() + " " + status.body() + "; asking again");
                Thread.sleep(2000);
                continue;
            }
            jakarta.json.JsonObject book = status.structure().asJsonArray()
                    .getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(b -> b.getString("symbol").equals(symbol)).findFirst().orElse(null);
            long sequence = book == null ? 0 : book.getJsonNumber("sequence").longValue();
            long resting = book == null ? 0 : book.getInt("restingOrders");
            long open;
            try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM exchange_trade.orders"
                    + " WHERE symbol = ? AND status IN ('NEW', 'PARTIALLY_FILLED')")) {
                p.setString(1, symbol);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    open = r.getLong(1);
                }
            }
            if (sequence == last && open == resting) {
                return sequence;
            }
            last = sequence;
            Thread.sleep(500);
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * How far the projections (trade and wallet, each in its own JTA transaction) run behind the
     * engine: every 100 ms the engine's applied sequence and the lower of the two watermarks; a
     * sample's lag is the time until the watermark had passed the sequence the engine was at.
     */
    static final class ProjectionLag implements Runnable {
        private final String admin;
        private final List<long[]> engine = new ArrayList<>();
        private final List<long[]> projected = new ArrayList<>();
        volatile boolean running = true;

        ProjectionLag(String admin) {
            this.admin = admin;
        }

        @Override
        public void run() {
            try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT LEAST("
                    + "(SELECT next_sequence FROM exchange_trade.engine_watermark WHERE projection = 'trade'),"
                    + "(SELECT next_sequence FROM exchange_wallet.engine_watermark WHERE projection = 'wallet'))")) {
                while (running) {
                    long t = System.nanoTime();
                    Api.Reply r = Api.get("/api/admin/engine/progress", admin);
                    if (r.status() == 200) {
                        synchronized (this) {
                            engine.add(new long[] {t, r.json().getJsonNumber("commandsApplied").longValue()});
                        }
                    }
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        synchronized (this) {
                            projected.add(new long[] {System.nanoTime(), rs.getLong(1)});
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                System.out.println("projection lag sampler stopped: " + e);
            }
        }

        synchronized long[] lagsMillis(long from, long to) {
            List<Long> lags = new ArrayList<>();
            for (long[] e : engine) {
                if (e[0] < from || e[0] > to) {
                    continue;
                }
                for (long[] w : projected) {
                    if (w[0] >= e[0] && w[1] >= e[1]) {
                        lags.add((w[0] - e[0]) / 1_000_000);
                        break;
                    }
                }
            }
            return lags.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        /** From the load's end until the watermark passed what the engine had applied by then. */
        synchronized long drainedMillis(long end) {
            long target = 0;
            for (long[] e : engine) {
                if (e[0] <= end) {
                    target = Math.max(target, e[1]);
                }
            }
            for (long[] w : projected) {
                if (w[0] >= end && w[1] >= target) {
                    return (w[0] - end) / 1_000_000;
                }
            }
            return -1;
        }
    }

    /** Autocommit single-row inserts: each one a durable commit, as the server is configured. */
    private static double[] commitRate(int connections, int seconds) throws Exception {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS exchange_bench");
            s.execute("CREATE TABLE IF NOT EXISTS exchange_bench.commits (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " v BIGINT NOT NULL) ENGINE=InnoDB");
            try (ResultSet r = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin")) {
                r.next();
                if (connections == 1) {
                    System.out.printf("MariaDB: innodb_flush_log_at_trx_commit=%s sync_binlog=%s log_bin=%s%n",
                            r.getString(1), r.getString(2), r.getString(3));
                }
            }
        }
        AtomicLong commits = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            all.add(pool.submit(() -> {
                try (Connection c = db(); PreparedStatement p = c.prepareStatement("INSERT INTO exchange_bench.commits (v) VALUES (?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        p.setLong(1, System.nanoTime());
                        p.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE exchange_bench.commits");
        }
        return new double[] {commits.get() / (double) seconds};
    }

    /**
     * Bench balances are above the four-eyes amounts: a second admin approves them (again a moment
     * later while the wallet has not yet opened the new user's accounts, as right after a start).
     */
    private static void approveIfAsked(Api.Reply r) {
        if (r.status() == 202) {
            for (int tries = 0; ; tries++) {
                Api.Reply approved = Api.post("/api/admin/wallet/adjustments/" + r.json().getJsonNumber("id") + "/approve", "{}",
                        Users.secondAdminToken());
                if (approved.status() == 200) {
                    return;
                }
                if (approved.status() != 404 || tries > 80) {
                    throw new IllegalStateException(approved.body());
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } else if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
    }
}
