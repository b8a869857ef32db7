package exchange.match.engine;

import exchange.api.event.DomainEvent;
import exchange.api.event.MatchFailed;
import exchange.api.event.MatchOutcome;
import exchange.api.event.MatchSuccess;
import exchange.api.event.OrderCancelRequested;
import exchange.api.event.OrderCreated;
import exchange.api.event.Topics;
import exchange.api.messaging.EventCodec;
import exchange.api.messaging.RocketMqPublisher;
import exchange.api.messaging.RocketMqSettings;
import exchange.api.trade.EngineStatus;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * The matching thread. The ordered command stream on {@code trade-events} is the engine's journal:
 * at start it loads the newest snapshot of the books and replays each queue from the offset that
 * snapshot reflects (from the beginning without one), then keeps following. Each command's
 * outcome goes to {@code match-events} in the symbol's queue, numbered per symbol, with an event
 * id derived from the command's event id, so a replay republishes the same ids and consumers drop
 * them. After each batch it publishes the batch's market data (changed levels, last price), and
 * every few seconds of activity it writes a snapshot.
 */
final class CommandLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(CommandLoop.class.getName());

    private final Map<String, SymbolBook> books = new ConcurrentHashMap<>();
    private final MarketDirectory markets;
    private final Queue<Runnable> queries = new ConcurrentLinkedQueue<>();
    private final BookSnapshots snapshots;
    private final long snapshotEveryMillis;
    private final Map<String, BookSnapshots.Checkpoint> nextOffsets = new java.util.TreeMap<>();
    private final Set<SymbolBook> touched = new LinkedHashSet<>();
    private final List<Message> staged = new ArrayList<>();
    private List<MessageQueue> resultQueues;
    private volatile boolean running = true;
    private EngineStatus.Recovery recovery = new EngineStatus.Recovery(0, null, 0, 0);
    private long applied;
    private long appliedAtSnapshot;
    private long lastSnapshotAt = System.currentTimeMillis();

    CommandLoop(List<SymbolView> symbols, MarketDirectory markets, BookSnapshots snapshots, long snapshotEveryMillis) {
        this.markets = markets;
        this.snapshots = snapshots;
        this.snapshotEveryMillis = snapshotEveryMillis;
        symbols.forEach(s -> books.put(s.symbol(), new SymbolBook(s)));
    }

    CompletableFuture<EngineStatus.Recovery> recovery() {
        return ask(() -> new EngineStatus.Recovery(recovery.snapshotId(), recovery.snapshotTakenAt(),
                recovery.commandsInSnapshot(), applied));
    }

    void stop() {
        running = false;
    }

    CompletableFuture<List<EngineStatus.Book>> status() {
        return ask(() -> books.values().stream().map(SymbolBook::status)
                .sorted(java.util.Comparator.comparing(EngineStatus.Book::symbol)).toList());
    }

    /** Null when the engine holds no book for the symbol yet. */
    OrderBookDepth.Depth depth(String symbol, int limit) {
        SymbolBook book = books.get(symbol);
        return book == null ? null : book.depth(limit);
    }

    /** Answered by the matching thread between two polls, so no one reads a book mid-command. */
    private <T> CompletableFuture<T> ask(java.util.function.Supplier<T> query) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        queries.add(() -> {
            try {
                answer.complete(query.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    @Override
    public void run() {
        DefaultLitePullConsumer commands = new DefaultLitePullConsumer("match-service-group");
        DefaultMQProducer results = new DefaultMQProducer("match-service-group");
        try {
            commands.setNamesrvAddr(RocketMqSettings.namesrv());
            commands.setInstanceName("match-engine");
            commands.setAutoCommit(false);
            commands.setPullBatchSize(64);
            results.setNamesrvAddr(RocketMqSettings.namesrv());
            results.setInstanceName("match-engine");
            results.setVipChannelEnabled(false);
            results.setSendMsgTimeout(3000);
            commands.start();
            results.start();
            Collection<MessageQueue> queues = awaitQueues(commands);
            while (running) {
                try {
                    position(commands, queues);
                    break;
                } catch (Exception e) {
                    // A broker that is restarting or briefly unreachable must not stop matching for good.
                    LOG.log(Level.WARNING, "Engine could not position itself on the journal; retrying", e);
                    Thread.sleep(1000);
                }
            }
            while (running) {
                for (MessageExt message : commands.poll(500)) {
                    for (MatchOutcome outcome : apply(message)) {
                        stage(outcome.symbol(), outcome.traded() ? new MatchSuccess(outcome) : new MatchFailed(outcome),
                                "match:" + message.getUserProperty("eventId"));
                    }
                    nextOffsets.put(queueKey(message.getBrokerName(), message.getQueueId()),
                            new BookSnapshots.Checkpoint(message.getQueueOffset() + 1, message.getUserProperty("eventId")));
                    applied++;
                }
                for (SymbolBook book : touched) {
                    for (DomainEvent update : book.marketUpdates()) {
                        stage(book.symbol(), update, null);
                    }
                }
                touched.clear();
                flush(results);
                snapshotIfDue();
                for (Runnable query; (query = queries.poll()) != null; ) {
                    query.run();
                }
            }
        } catch (Exception e) {
            if (running) {
                LOG.log(Level.SEVERE, "Matching engine stopped", e);
            }
        } finally {
            commands.shutdown();
            results.shutdown();
        }
    }

    /**
     * Adopts the newest snapshot if the journal on the broker is the one it was taken from: in
     * each queue the command just before the snapshot's offset must be the one it recorded. A
     * broker whose store was replaced (a new journal) fails that check, and the engine rebuilds
     * from the new journal's first command instead of seeking past its end.
     */
    private void position(DefaultLitePullConsumer consumer, Collection<MessageQueue> queues) throws Exception {
        restoreSnapshot(consumer, queues);
        consumer.assign(queues);
        for (MessageQueue q : queues) {
            // Replay the journal from what the snapshot does not hold, or from its first command.
            BookSnapshots.Checkpoint at = nextOffsets.get(queueKey(q));
            consumer.seek(q, at == null ? 0L : at.next());
        }
    }

    private void restoreSnapshot(DefaultLitePullConsumer consumer, Collection<MessageQueue> queues) throws Exception {
        books.clear(); // a retry starts over: books open again on their first command
        nextOffsets.clear();
        applied = 0;
        appliedAtSnapshot = 0;
        Map<String, SymbolBook> restored = new java.util.HashMap<>();
        BookSnapshots.Loaded snapshot;
        try {
            snapshot = snapshots.loadNewest((symbol, in) -> {
                SymbolBook book = newBook(symbol);
                book.restore(in);
                restored.put(symbol, book);
            });
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "Engine snapshot unreadable; replaying the whole journal", e);
            return;
        }
        if (snapshot == null) {
            return;
        }
        for (MessageQueue q : queues) {
            BookSnapshots.Checkpoint at = snapshot.offsets().get(queueKey(q));
            if (at != null && !commandAt(consumer, q, at.next() - 1, at.lastEventId())) {
                LOG.warning("Engine snapshot " + snapshot.id() + " does not match the journal in " + queueKey(q)
                        + "; replaying the whole journal");
                return;
            }
        }
        books.putAll(restored);
        nextOffsets.putAll(snapshot.offsets());
        applied = snapshot.commands();
        appliedAtSnapshot = applied;
        recovery = new EngineStatus.Recovery(snapshot.id(), snapshot.takenAt(), snapshot.commands(), 0);
        LOG.info("Engine restored snapshot " + snapshot.id() + " at " + snapshot.offsets());
    }

    /** Whether the queue holds the command with this event id at this offset. */
    private boolean commandAt(DefaultLitePullConsumer consumer, MessageQueue q, long offset, String eventId) throws Exception {
        consumer.assign(List.of(q));
        try {
            consumer.seek(q, offset);
        } catch (org.apache.rocketmq.client.exception.MQClientException e) {
            if (String.valueOf(e.getMessage()).contains("Seek offset illegal")) {
                return false; // the queue ends before the snapshot's offset: another journal
            }
            throw e;
        }
        // A server that is still starting its applications can take seconds to pull: waiting
        // only 3 s here once sent a good snapshot to a full replay.
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (MessageExt m : consumer.poll(200)) {
                if (m.getQueueId() == q.getQueueId() && m.getQueueOffset() == offset) {
                    boolean same = eventId.equals(m.getUserProperty("eventId"));
                    if (!same) {
                        LOG.info("Journal " + queueKey(q) + " holds " + m.getUserProperty("eventId") + " at " + offset
                                + ", the snapshot recorded " + eventId);
                    }
                    return same;
                }
            }
        }
        LOG.info("Journal " + queueKey(q) + " gave no command at " + offset + " within 30 s");
        return false;
    }

    private static String queueKey(MessageQueue q) {
        return queueKey(q.getBrokerName(), q.getQueueId());
    }

    private static String queueKey(String broker, int queueId) {
        return broker + "/" + queueId;
    }

    /** A snapshot is written only between batches, after every result before it is on the broker. */
    private void snapshotIfDue() {
        long now = System.currentTimeMillis();
        if (applied == appliedAtSnapshot || now - lastSnapshotAt < snapshotEveryMillis) {
            return;
        }
        try {
            long id = snapshots.save(books.values(), nextOffsets, applied);
            appliedAtSnapshot = applied;
            lastSnapshotAt = now;
            LOG.fine("Engine snapshot " + id + " at " + nextOffsets);
        } catch (Exception e) {
            // A missed snapshot only lengthens the next start's replay; matching goes on.
            LOG.log(Level.WARNING, "Engine snapshot not written", e);
            lastSnapshotAt = now;
        }
    }

    private Collection<MessageQueue> awaitQueues(DefaultLitePullConsumer consumer) throws InterruptedException {
        while (running) {
            try {
                Collection<MessageQueue> queues = consumer.fetchMessageQueues(Topics.TRADE);
                if (!queues.isEmpty()) {
                    return queues;
                }
            } catch (Exception e) {
                LOG.fine("trade-events not routable yet: " + e);
            }
            Thread.sleep(1000);
        }
        return List.of();
    }

    /**
     * One command's outcome. A command the engine cannot process (a body that does not parse, an
     * unknown symbol, a bug) is logged and answered as rejected, and the loop goes on: one bad
     * command must never stop matching for every market, nor replay into the same stop at every start.
     */
    private List<MatchOutcome> apply(MessageExt message) {
        String type = message.getTags();
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        List<MatchOutcome> out = new ArrayList<>(1);
        SymbolBook book = null;
        long orderId = 0;
        long userId = 0;
        try {
            if ("OrderCreated".equals(type)) {
                OrderCreated c = EventCodec.fromJson(body, OrderCreated.class);
                orderId = c.orderId();
                userId = c.userId();
                book = book(c.symbol());
                touched.add(book);
                MatchOutcome o = book.place(c);
                if (o != null) {
                    out.add(o);
                }
            } else if ("OrderCancelRequested".equals(type)) {
                OrderCancelRequested c = EventCodec.fromJson(body, OrderCancelRequested.class);
                orderId = c.orderId();
                userId = c.userId();
                book = book(c.symbol());
                touched.add(book);
                out.add(book.cancel(c));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Engine rejected command " + message.getUserProperty("eventId") + " (" + type + ", order "
                    + orderId + ") it could not process; matching goes on", e);
            out.clear();
            if (book != null) {
                out.add(book.failed("OrderCreated".equals(type) ? "PLACE" : "CANCEL", orderId, userId));
            }
        }
        return out;
    }

    private SymbolBook book(String symbol) {
        return books.computeIfAbsent(symbol, this::newBook);
    }

    private SymbolBook newBook(String symbol) {
        return markets.symbols().stream().filter(v -> v.symbol().equals(symbol)).findFirst().map(SymbolBook::new)
                .orElseThrow(() -> new IllegalStateException("command for unknown symbol " + symbol));
    }

    /**
     * Queues a result for {@link #flush}.
     *
     * @param idSeed a result's event id derives from its command's own event id: a replay of the
     *               journal, or the same command delivered twice, yields the same result id. Market
     *               data (null seed) gets fresh ids: its consumers go by sequence instead.
     */
    private void stage(String symbol, DomainEvent event, String idSeed) {
        Message message = new Message(Topics.MATCH, event.eventType(), symbol,
                EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8));
        String eventId = idSeed == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(idSeed.getBytes(StandardCharsets.UTF_8)).toString();
        message.putUserProperty("eventId", eventId);
        message.putUserProperty("occurredAt", Instant.now().toString());
        staged.add(message);
    }

    /**
     * Sends a batch's results, at least once and in order: one batch message per symbol queue
     * (one broker round trip, not one per result), each retried until the broker has it. The
     * engine goes on to the next commands, snapshots or queries only after this returns.
     */
    private void flush(DefaultMQProducer producer) throws InterruptedException {
        if (staged.isEmpty()) {
            return;
        }
        Map<MessageQueue, List<Message>> byQueue = new java.util.LinkedHashMap<>();
        List<MessageQueue> queues = resultQueues(producer);
        for (Message m : staged) {
            byQueue.computeIfAbsent(RocketMqPublisher.BY_KEY.select(queues, m, m.getKeys()), q -> new ArrayList<>()).add(m);
        }
        staged.clear();
        for (Map.Entry<MessageQueue, List<Message>> batch : byQueue.entrySet()) {
            while (running) {
                try {
                    if (producer.send(batch.getValue(), batch.getKey()).getSendStatus() == SendStatus.SEND_OK) {
                        break;
                    }
                } catch (Exception e) {
                    LOG.log(Level.WARNING, batch.getValue().size() + " results for " + batch.getKey() + " not sent, retrying", e);
                    resultQueues = null;
                }
                Thread.sleep(500);
            }
        }
    }

    private List<MessageQueue> resultQueues(DefaultMQProducer producer) throws InterruptedException {
        while (resultQueues == null && running) {
            try {
                List<MessageQueue> queues = new ArrayList<>(producer.fetchPublishMessageQueues(Topics.MATCH));
                if (!queues.isEmpty()) {
                    // The selector picks by position: the same order as the producer's own route.
                    queues.sort(java.util.Comparator.comparing(MessageQueue::getBrokerName).thenComparingInt(MessageQueue::getQueueId));
                    resultQueues = queues;
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "match-events not routable yet", e);
            }
            if (resultQueues == null) {
                Thread.sleep(500);
            }
        }
        return resultQueues;
    }
}
