package exchange.web.stream;

import exchange.api.engine.EngineResults;
import exchange.api.event.AssetChanged;
import exchange.api.event.BalancesChanged;
import exchange.api.event.DomainEvent;
import exchange.api.event.OrderActivity;
import exchange.api.event.ConsumerGroups;
import exchange.api.event.DepthUpdated;
import exchange.api.event.OrderCancelled;
import exchange.api.event.OrderCreated;
import exchange.api.event.TradeFeeCalculated;
import exchange.api.event.Topics;
import exchange.api.messaging.EventCodec;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.api.trade.KlineInterval;
import exchange.api.trade.MarketData;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's WebSocket clients and what they listen to. Fed by broadcast consumption, so that
 * every node's clients get every update whichever node produced it: depth changes and trades
 * straight from the engine's events (trades from its journal results), tickers and klines
 * re-read (through the Redis cache) a moment after a trade, and each user's own order and
 * balance events.
 * Each update goes out in our shape and in Binance's, to whichever face's streams are listened to.
 */
@ApplicationScoped
public class StreamHub {
    /** Looked up once: Json.createX() searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(StreamHub.class.getName());
    private static final long REFRESH_MILLIS = 500;
    /** Long enough to outlast the market data cache, so the last push shows the settled figures. */
    private static final long REFRESH_WINDOW_MILLIS = 2500;
    /** Binance pings every 20 s and drops a client that has not answered within a minute. */
    private static final long PING_MILLIS = 20_000;
    private static final long SILENT_MILLIS = 60_000;
    private static final String HEARD_AT = "binance.heardAt";
    /** Session properties: send the data alone, not wrapped in {stream, data}; speak Binance's shapes. */
    static final String RAW = "raw";
    static final String BINANCE = "binance";
    private static final String SUBSCRIPTION = "binance.subscriptionId";
    private static final String SUBSCRIPTION_COUNTER = "binance.subscriptions";

    static final String LISTEN_KEY = StreamHub.class.getName() + ".listenKey";
    private final Map<String, Set<Session>> byStream = new ConcurrentHashMap<>();
    private final Map<Long, Set<Session>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshUntil = new ConcurrentHashMap<>();
    private final Map<String, String> lastPushed = new ConcurrentHashMap<>();
    private final Set<Session> binanceSessions = ConcurrentHashMap.newKeySet();
    @EJB
    private MarketData marketData;
    @EJB
    private OrderBookDepth depth;
    @EJB
    private OrderService orders;
    @Resource
    private ManagedScheduledExecutorService scheduler;
    @jakarta.inject.Inject
    private SessionTimers timers;
    private RocketMqSubscriber subscriber;
    private ScheduledFuture<?> refresher;
    private ScheduledFuture<?> pinger;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String node = System.getProperty("com.sun.aas.instanceName", "server") + "-"
                + ManagementFactory.getRuntimeMXBean().getName();
        subscriber = RocketMqSubscriber.startBroadcast(ConsumerGroups.NOTIFY, node, Map.of(
                Topics.MATCH, "DepthUpdated",
                EngineResults.TOPIC, "EngineResults",
                Topics.TRADE, "OrderActivity",
                Topics.WALLET, "BalancesChanged"), this::route);
        refresher = scheduler.scheduleWithFixedDelay(this::refreshStatistics, REFRESH_MILLIS, REFRESH_MILLIS,
                TimeUnit.MILLISECONDS);
        pinger = scheduler.scheduleWithFixedDelay(this::ping, PING_MILLIS, PING_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (subscriber != null) {
            subscriber.shutdown();
        }
    }

    void subscribe(Session session, String stream) {
        byStream.computeIfAbsent(stream, s -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(Session session, String stream) {
        Set<Session> sessions = byStream.get(stream);
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    void addUser(Session session, long userId) {
        byUser.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** A user stream opened with a listen key: it closes when the key stops naming its user. */
    void addUser(Session session, long userId, String listenKey) {
        session.getUserProperties().put(LISTEN_KEY, listenKey);
        addUser(session, userId);
    }

    /**
     * Closes every user stream whose listen key no longer names its user (expired, deleted, its
     * session ended, the user frozen), and the other user streams of users no longer active.
     */
    void endLapsed(java.util.function.Predicate<String> keyAlive, java.util.function.LongPredicate userActive) {
        for (Map.Entry<Long, Set<Session>> user : byUser.entrySet()) {
            for (Session s : user.getValue()) {
                Object key = s.getUserProperties().get(LISTEN_KEY);
                if (key instanceof String k ? !keyAlive.test(k) : !userActive.test(user.getKey())) {
                    user.getValue().remove(s);
                    try {
                        s.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.getCloseCode(4401),
                                "LISTEN_KEY_ENDED"));
                    } catch (java.io.IOException | RuntimeException gone) {
                        // already closing
                    }
                }
            }
        }
    }

    /**
     * A Binance WebSocket API connection that subscribed to its user's data: the events come
     * wrapped as {"subscriptionId":n,"event":...}. Returns n, this connection's subscription.
     */
    int addWsApiUser(Session session, long userId) {
        forgetUser(session);
        int subscription = (Integer) session.getUserProperties().merge(SUBSCRIPTION_COUNTER, 0, (a, b) -> (Integer) a + 1);
        session.getUserProperties().put(SUBSCRIPTION, subscription);
        addUser(session, userId);
        return subscription;
    }

    void forgetUser(Session session) {
        byUser.values().forEach(s -> s.remove(session));
    }

    /**
     * A Binance-face client: pinged, and given Binance's shapes on its user stream; closed, as
     * Binance closes it, when a minute passes without a pong or a message from it. That replaces
     * the container's idle timer, which Tyrus re-arms on every frame in and out by scheduling a
     * task on the managed executor: a fifth of the WebSocket order path's CPU under load.
     */
    void addBinance(Session session) {
        session.setMaxIdleTimeout(0);
        timers.adopt(session);
        session.getUserProperties().put(HEARD_AT, new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis()));
        session.getUserProperties().put(BINANCE, Boolean.TRUE);
        binanceSessions.add(session);
    }

    void forget(Session session) {
        byStream.values().forEach(s -> s.remove(session));
        byUser.values().forEach(s -> s.remove(session));
        binanceSessions.remove(session);
    }

    private void route(EventEnvelope event) {
        switch (event.type()) {
            case "DepthUpdated" -> {
                DepthUpdated d = event.payloadAs(DepthUpdated.class);
                push(d.symbol() + "@depth", event.payload());
                binanceDepth(d);
            }
            case "EngineResults" -> {
                if (!byStream.isEmpty()) { // public trade streams and the statistics they keep fresh
                    trades(event.payloadAs(EngineResults.class));
                }
            }
            // Users' own streams read these, and a fill keeps the market's statistics streams fresh:
            // with no stream open at all, not even parsed.
            case "OrderActivity" -> {
                if (!byUser.isEmpty() || !byStream.isEmpty()) {
                    each(event, event.payloadAs(OrderActivity.class).events());
                }
            }
            case "BalancesChanged" -> {
                if (!byUser.isEmpty()) {
                    each(event, event.payloadAs(BalancesChanged.class).changes());
                }
            }
            case "TradeFeeCalculated" -> {
                refreshUntil.put(symbolOf(event.payload()), System.currentTimeMillis() + REFRESH_WINDOW_MILLIS);
                user(event);
            }
            default -> user(event);
        }
    }

    /** A batch event's events, each routed as if it had come alone, in the batch's order. */
    private void each(EventEnvelope batch, List<? extends DomainEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            DomainEvent e = events.get(i);
            route(new EventEnvelope(batch.eventId() + "/" + i, e.eventType(), e.topic(), e.key(), batch.occurredAt(),
                    EventCodec.toJson(e)));
        }
    }

    /** Diffs to every speed of {@code <symbol>@depth}; the top-of-book streams re-read the engine's view. */
    private void binanceDepth(DepthUpdated d) {
        String prefix = BinanceStreams.prefix(d.symbol());
        String diff = null;
        for (String speed : BinanceStreams.SPEEDS) {
            if (listened(prefix + "depth" + speed)) {
                diff = diff != null ? diff : BinanceMessages.depthUpdate(d, System.currentTimeMillis());
                push(prefix + "depth" + speed, diff);
            }
        }
        for (int levels : BinanceStreams.PARTIAL_LEVELS) {
            String partial = null;
            for (String speed : BinanceStreams.SPEEDS) {
                if (listened(prefix + "depth" + levels + speed)) {
                    partial = partial != null ? partial : BinanceMessages.partialDepth(depth.depth(d.symbol(), levels));
                    push(prefix + "depth" + levels + speed, partial);
                }
            }
        }
        if (listened(prefix + "bookTicker")) {
            OrderBookDepth.Depth top = depth.depth(d.symbol(), 1);
            // The same best prices again are no news, whatever the sequence says.
            String best = top.bids().stream().limit(1).toList() + "/" + top.asks().stream().limit(1).toList();
            if (!best.equals(lastPushed.put(prefix + "bookTicker#best", best))) {
                push(prefix + "bookTicker", BinanceMessages.bookTicker(top));
            }
        }
    }

    /** A message or a pong arrived from a Binance-face client. */
    static void heard(Session session) {
        if (session.getUserProperties().get(HEARD_AT) instanceof java.util.concurrent.atomic.AtomicLong at) {
            at.set(System.currentTimeMillis());
        }
    }

    private void ping() {
        long now = System.currentTimeMillis();
        for (Session session : binanceSessions) {
            if (session.getUserProperties().get(HEARD_AT) instanceof java.util.concurrent.atomic.AtomicLong at
                    && now - at.get() > SILENT_MILLIS) {
                closeSilent(session);
                continue;
            }
            synchronized (session) {
                try {
                    if (session.isOpen()) {
                        session.getBasicRemote().sendPing(ByteBuffer.wrap(PING_DATA));
                    }
                } catch (IOException | IllegalStateException e) {
                    LOG.log(Level.FINE, "WebSocket ping failed", e);
                }
            }
        }
    }

    private void closeSilent(Session session) {
        binanceSessions.remove(session);
        try {
            session.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.GOING_AWAY,
                    "no pong for a minute"));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing a silent WebSocket failed", e);
        }
    }

    private static final byte[] PING_DATA = "ping".getBytes(StandardCharsets.US_ASCII);

    /** Each of the entry's fills, in journal order; the entry's time is the trade time. */
    private void trades(EngineResults results) {
        if (results.trades() == null) {
            return;
        }
        long tradeTime = results.time();
        for (EngineResults.Traded f : results.trades()) {
            // Settlement's TradeFeeCalculated extends this window past the cache's refresh.
            refreshUntil.put(f.symbol(), System.currentTimeMillis() + REFRESH_WINDOW_MILLIS);
            String prefix = BinanceStreams.prefix(f.symbol());
            long now = System.currentTimeMillis();
            if (listened(prefix + "trade")) {
                push(prefix + "trade", BinanceMessages.trade(f, tradeTime, now));
            }
            if (listened(prefix + "aggTrade")) {
                push(prefix + "aggTrade", BinanceMessages.aggTrade(f, tradeTime, now));
            }
            String stream = f.symbol() + "@trade";
            if (listened(stream)) {
                push(stream, JSON.createObjectBuilder()
                        .add("symbol", f.symbol())
                        .add("id", f.tradeId())
                        .add("price", f.price())
                        .add("quantity", f.quantity())
                        .add("buyerMaker", "SELL".equals(f.takerSide()))
                        .add("time", tradeTime)
                        .build().toString());
            }
        }
    }

    private void user(EventEnvelope event) {
        if (byUser.isEmpty()) {
            return;
        }
        JsonObject payload = JSON.createReader(new StringReader(event.payload())).readObject();
        long userId = payload.getJsonNumber("userId").longValue();
        Set<Session> sessions = byUser.get(userId);
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        String ours = null;
        List<String> binance = null;
        for (Session s : sessions) {
            if (Boolean.TRUE.equals(s.getUserProperties().get(BINANCE))) {
                binance = binance != null ? binance : binanceUser(event, userId);
                Object subscription = s.getUserProperties().get(SUBSCRIPTION);
                binance.forEach(m -> send(s, subscription == null ? m
                        : "{\"subscriptionId\":" + subscription + ",\"event\":" + m + "}"));
            } else if (!"TradeFeeCalculated".equals(event.type())) {
                ours = ours != null ? ours : "{\"stream\":\"user\",\"event\":\"" + event.type() + "\",\"time\":"
                        + event.occurredAt().toEpochMilli() + ",\"data\":" + event.payload() + "}";
                send(s, ours);
            }
        }
    }

    /**
     * Binance's user data stream: an execution report for each order accepted, traded or ended
     * (fills report their order's state, so OrderFilled and OrderPartiallyFilled add nothing), and
     * the asset's position after each balance change, with a balanceUpdate for money in or out.
     */
    private List<String> binanceUser(EventEnvelope event, long userId) {
        long now = System.currentTimeMillis();
        return switch (event.type()) {
            case "OrderCreated" -> order(userId, event.payloadAs(OrderCreated.class).orderId())
                    .map(o -> List.of(BinanceMessages.accepted(o, now))).orElse(List.of());
            case "TradeFeeCalculated" -> {
                TradeFeeCalculated f = event.payloadAs(TradeFeeCalculated.class);
                yield order(userId, f.orderId()).map(o -> List.of(BinanceMessages.traded(o, f, now))).orElse(List.of());
            }
            case "OrderCancelled" -> {
                OrderCancelled c = event.payloadAs(OrderCancelled.class);
                yield order(userId, c.orderId()).map(o -> List.of(BinanceMessages.ended(o, c, now))).orElse(List.of());
            }
            case "AssetChanged" -> {
                AssetChanged a = event.payloadAs(AssetChanged.class);
                String position = BinanceMessages.accountPosition(a, now);
                yield MOVES_MONEY.contains(a.businessType())
                        ? List.of(BinanceMessages.balanceUpdate(a, now), position) : List.of(position);
            }
            default -> List.of();
        };
    }

    /** Ledger steps that bring money in or take it out, as opposed to freezing it or trading it. */
    private static final Set<String> MOVES_MONEY = Set.of("DEPOSIT", "WITHDRAW_COMPLETED", "ADJUSTMENT");

    private java.util.Optional<OrderView> order(long userId, long orderId) {
        try {
            return orders.order(userId, orderId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "order " + orderId + " not read for the user stream", e);
            return java.util.Optional.empty();
        }
    }

    /** Tickers and current candles of symbols that traded, once settled, unchanged ones not repeated. */
    private void refreshStatistics() {
        long now = System.currentTimeMillis();
        refreshUntil.entrySet().removeIf(e -> e.getValue() < now);
        for (String symbol : refreshUntil.keySet()) {
            try {
                String prefix = BinanceStreams.prefix(symbol);
                if (listened(symbol + "@ticker") || listened(prefix + "ticker") || listened(prefix + "miniTicker")) {
                    MarketData.Ticker ticker = marketData.ticker(symbol);
                    if (listened(symbol + "@ticker")) {
                        push(symbol + "@ticker", EventCodec.toJson(ticker));
                    }
                    if (listened(prefix + "ticker")) {
                        push(prefix + "ticker", BinanceMessages.ticker(ticker, depth.depth(symbol, 1), now));
                    }
                    if (listened(prefix + "miniTicker")) {
                        push(prefix + "miniTicker", BinanceMessages.miniTicker(ticker, now));
                    }
                }
                for (KlineInterval interval : KlineInterval.values()) {
                    String stream = symbol + "@kline_" + interval.code();
                    String binance = prefix + "kline_" + interval.code();
                    if (listened(stream) || listened(binance)) {
                        List<MarketData.Candle> candles = marketData.klines(symbol, interval.code(), null, 1);
                        if (!candles.isEmpty()) {
                            push(stream, "{\"symbol\":\"" + symbol + "\",\"interval\":\"" + interval.code()
                                    + "\",\"candle\":" + EventCodec.toJson(candles.get(0)) + "}");
                            push(binance, BinanceMessages.kline(symbol, interval, candles.get(0), now));
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "statistics for " + symbol + " not pushed", e);
            }
        }
    }

    private boolean listened(String stream) {
        Set<Session> sessions = byStream.get(stream);
        return sessions != null && !sessions.isEmpty();
    }

    private void push(String stream, String data) {
        Set<Session> sessions = byStream.get(stream);
        if (sessions == null || sessions.isEmpty() || data.equals(lastPushed.put(stream, data))) {
            return;
        }
        String wrapped = "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
        sessions.forEach(s -> send(s, Boolean.TRUE.equals(s.getUserProperties().get(RAW)) ? data : wrapped));
    }

    /** Blocking and one at a time per session: a WebSocket allows no overlapping sends. */
    static void send(Session session, String message) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader application = thread.getContextClassLoader();
            thread.setContextClassLoader(NO_SERVICES);
            boolean failed = false;
            try {
                session.getBasicRemote().sendText(message);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "WebSocket send failed, closing", e);
                failed = true;
            } finally {
                thread.setContextClassLoader(application);
            }
            if (failed) { // under the application's loader: closing calls the endpoint's @OnClose
                try {
                    session.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    /**
     * The context class loader a send runs under. Tyrus re-arms its session timer on every send by
     * scheduling a task on Payara's managed executor, which captures the caller's context and, for
     * that, looks up thread-context providers with a ServiceLoader over the context class loader:
     * over the application's, a scan of every jar in the EAR on every message (a fifth of the
     * WebSocket order path's CPU in a profile). Over this loader, which sees only the JDK, the
     * scan is nothing; the exchange registers no context providers of its own, so nothing is lost.
     */
    private static final ClassLoader NO_SERVICES = new ClassLoader(StreamHub.class.getSimpleName() + "-sends", null) {
    };

    private static String symbolOf(String payload) {
        return JSON.createReader(new StringReader(payload)).readObject().getString("symbol");
    }
}
