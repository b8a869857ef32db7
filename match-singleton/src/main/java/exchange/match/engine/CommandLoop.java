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
 * at start it reads every queue from the beginning and rebuilds the books by replaying, then keeps
 * following. Each command's outcome goes to {@code match-events} in the symbol's queue, numbered
 * per symbol, with an event id derived from the command's event id, so a replay republishes the
 * same ids and consumers drop them. Snapshots, to start without replaying everything, come next.
 */
final class CommandLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(CommandLoop.class.getName());

    private final Map<String, SymbolBook> books = new ConcurrentHashMap<>();
    private final MarketDirectory markets;
    private final Queue<Runnable> queries = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    CommandLoop(List<SymbolView> symbols, MarketDirectory markets) {
        this.markets = markets;
        symbols.forEach(s -> books.put(s.symbol(), new SymbolBook(s)));
    }

    void stop() {
        running = false;
    }

    CompletableFuture<List<EngineStatus.Book>> status() {
        return ask(() -> books.values().stream().map(SymbolBook::status)
                .sorted(java.util.Comparator.comparing(EngineStatus.Book::symbol)).toList());
    }

    /** Null when the engine holds no book for the symbol yet. */
    CompletableFuture<OrderBookDepth.Depth> depth(String symbol, int limit) {
        return ask(() -> {
            SymbolBook book = books.get(symbol);
            return book == null ? null : book.depth(limit);
        });
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
            commands.assign(queues);
            for (MessageQueue q : queues) {
                commands.seek(q, 0); // replay the journal from its first command
            }
            while (running) {
                for (MessageExt message : commands.poll(500)) {
                    for (MatchOutcome outcome : apply(message)) {
                        publish(results, outcome, message.getUserProperty("eventId"));
                    }
                }
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

    private List<MatchOutcome> apply(MessageExt message) {
        String type = message.getTags();
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        List<MatchOutcome> out = new ArrayList<>(1);
        if ("OrderCreated".equals(type)) {
            OrderCreated c = EventCodec.fromJson(body, OrderCreated.class);
            MatchOutcome o = book(c.symbol()).place(c);
            if (o != null) {
                out.add(o);
            }
        } else if ("OrderCancelRequested".equals(type)) {
            OrderCancelRequested c = EventCodec.fromJson(body, OrderCancelRequested.class);
            out.add(book(c.symbol()).cancel(c));
        }
        return out;
    }

    private SymbolBook book(String symbol) {
        return books.computeIfAbsent(symbol, s -> markets.symbols().stream().filter(v -> v.symbol().equals(s))
                .findFirst().map(SymbolBook::new)
                .orElseThrow(() -> new IllegalStateException("command for unknown symbol " + s)));
    }

    /** At least once: a result is retried until the broker has it; the engine never skips one. */
    private void publish(DefaultMQProducer producer, MatchOutcome outcome, String commandEventId)
            throws InterruptedException {
        DomainEvent event = outcome.traded() ? new MatchSuccess(outcome) : new MatchFailed(outcome);
        Message message = new Message(Topics.MATCH, event.eventType(), outcome.symbol(),
                EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8));
        // Derived from the command's own event id: a replay of the journal, or the same command
        // delivered twice, yields the same result id; a new journal never reuses one.
        String eventId = UUID.nameUUIDFromBytes(("match:" + commandEventId).getBytes(StandardCharsets.UTF_8)).toString();
        message.putUserProperty("eventId", eventId);
        message.putUserProperty("occurredAt", Instant.now().toString());
        while (running) {
            try {
                if (producer.send(message, RocketMqPublisher.BY_KEY, outcome.symbol()).getSendStatus() == SendStatus.SEND_OK) {
                    return;
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Result " + outcome.symbol() + "#" + outcome.sequence() + " not sent, retrying", e);
            }
            Thread.sleep(500);
        }
    }
}
