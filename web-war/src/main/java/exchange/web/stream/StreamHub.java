package exchange.web.stream;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.DepthUpdated;
import exchange.api.event.MatchOutcome;
import exchange.api.event.MatchSuccess;
import exchange.api.event.Topics;
import exchange.api.messaging.EventCodec;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.RocketMqSubscriber;
import exchange.api.trade.KlineInterval;
import exchange.api.trade.MarketData;
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
 * straight from the engine's events, tickers and klines re-read (through the Redis cache) a
 * moment after settlement recorded a trade, and each user's own order and balance events.
 */
@ApplicationScoped
public class StreamHub {
    /** Looked up once: Json.createX() searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(StreamHub.class.getName());
    private static final long REFRESH_MILLIS = 500;
    /** Long enough to outlast the market data cache, so the last push shows the settled figures. */
    private static final long REFRESH_WINDOW_MILLIS = 2500;

    private final Map<String, Set<Session>> byStream = new ConcurrentHashMap<>();
    private final Map<Long, Set<Session>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshUntil = new ConcurrentHashMap<>();
    private final Map<String, String> lastPushed = new ConcurrentHashMap<>();
    @EJB
    private MarketData marketData;
    @Resource
    private ManagedScheduledExecutorService scheduler;
    private RocketMqSubscriber subscriber;
    private ScheduledFuture<?> refresher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String node = System.getProperty("com.sun.aas.instanceName", "server") + "-"
                + ManagementFactory.getRuntimeMXBean().getName();
        subscriber = RocketMqSubscriber.startBroadcast(ConsumerGroups.NOTIFY, node, Map.of(
                Topics.MATCH, "MatchSuccess || DepthUpdated",
                Topics.TRADE, "OrderCreated || OrderFilled || OrderPartiallyFilled || OrderCancelled || TradeFeeCalculated",
                Topics.WALLET, "AssetChanged"), this::route);
        refresher = scheduler.scheduleWithFixedDelay(this::refreshStatistics, REFRESH_MILLIS, REFRESH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
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

    void forget(Session session) {
        byStream.values().forEach(s -> s.remove(session));
        byUser.values().forEach(s -> s.remove(session));
    }

    private void route(EventEnvelope event) {
        switch (event.type()) {
            case "DepthUpdated" -> {
                DepthUpdated d = event.payloadAs(DepthUpdated.class);
                push(d.symbol() + "@depth", event.payload());
            }
            case "MatchSuccess" -> trades(event);
            case "TradeFeeCalculated" -> refreshUntil.put(symbolOf(event.payload()),
                    System.currentTimeMillis() + REFRESH_WINDOW_MILLIS);
            default -> user(event);
        }
    }

    private void trades(EventEnvelope event) {
        MatchOutcome outcome = event.payloadAs(MatchSuccess.class).outcome();
        String stream = outcome.symbol() + "@trade";
        if (!byStream.containsKey(stream)) {
            return;
        }
        for (MatchOutcome.Fill f : outcome.fills()) {
            push(stream, JSON.createObjectBuilder()
                    .add("symbol", outcome.symbol())
                    .add("id", f.tradeId())
                    .add("price", f.price())
                    .add("quantity", f.quantity())
                    .add("buyerMaker", "SELL".equals(f.takerSide()))
                    .add("time", event.occurredAt().toEpochMilli())
                    .build().toString());
        }
    }

    private void user(EventEnvelope event) {
        if (byUser.isEmpty()) {
            return;
        }
        JsonObject payload = JSON.createReader(new StringReader(event.payload())).readObject();
        Set<Session> sessions = byUser.get(payload.getJsonNumber("userId").longValue());
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        String message = "{\"stream\":\"user\",\"event\":\"" + event.type() + "\",\"time\":"
                + event.occurredAt().toEpochMilli() + ",\"data\":" + event.payload() + "}";
        sessions.forEach(s -> send(s, message));
    }

    /** Tickers and current candles of symbols that traded, once settled, unchanged ones not repeated. */
    private void refreshStatistics() {
        long now = System.currentTimeMillis();
        refreshUntil.entrySet().removeIf(e -> e.getValue() < now);
        for (String symbol : refreshUntil.keySet()) {
            try {
                if (listened(symbol + "@ticker")) {
                    push(symbol + "@ticker", EventCodec.toJson(marketData.ticker(symbol)));
                }
                for (KlineInterval interval : KlineInterval.values()) {
                    String stream = symbol + "@kline_" + interval.code();
                    if (listened(stream)) {
                        List<MarketData.Candle> candles = marketData.klines(symbol, interval.code(), null, 1);
                        if (!candles.isEmpty()) {
                            push(stream, "{\"symbol\":\"" + symbol + "\",\"interval\":\"" + interval.code()
                                    + "\",\"candle\":" + EventCodec.toJson(candles.get(0)) + "}");
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
        String message = "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
        sessions.forEach(s -> send(s, message));
    }

    /** Blocking and one at a time per session: a WebSocket allows no overlapping sends. */
    static void send(Session session, String message) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(message);
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "WebSocket send failed, closing", e);
                try {
                    session.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }

    private static String symbolOf(String payload) {
        return JSON.createReader(new StringReader(payload)).readObject().getString("symbol");
    }
}
