package exchange.match.edge;

import exchange.api.engine.EngineResults;
import exchange.api.event.DomainEvent;
import exchange.api.messaging.EventCodec;
import exchange.api.messaging.RocketMqPublisher;
import exchange.api.messaging.RocketMqSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Sends the engine's results to the broker in journal order, off the engine's thread: each entry's
 * {@link EngineResults} on its one-queue topic, then its market data on match-events by symbol.
 * Each send is retried until the broker has it (at least once; receivers dedupe by sequence). What
 * was applied but not yet sent when the server dies is sent again by the next start's replay: a
 * snapshot is stored only once everything before it was sent ({@link #awaitSent}).
 */
final class ResultPublisher implements Runnable {
    private static final Logger LOG = Logger.getLogger(ResultPublisher.class.getName());

    record Publication(long nextSequence, EngineResults results, List<DomainEvent> marketData) {
    }

    private final BlockingQueue<Publication> queue = new ArrayBlockingQueue<>(1 << 14);
    private final Object sentMonitor = new Object();
    private volatile long sent;
    private volatile boolean running = true;
    private DefaultMQProducer producer;
    private MessageQueue resultsQueue;
    private List<MessageQueue> marketQueues;

    /** Blocks when the broker is far behind: the engine must not run ahead of what it can hand on without bound. */
    void publish(Publication p) throws InterruptedException {
        queue.put(p);
    }

    /** Waits until every result before {@code sequence} was sent; false if it timed out or stopped. */
    boolean awaitSent(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (sentMonitor) {
            while (sent < sequence && running) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                sentMonitor.wait(left);
            }
        }
        return sent >= sequence;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        producer = new DefaultMQProducer("engine-results-writer");
        RocketMqSettings.apply(producer);
        producer.setInstanceName(exchange.api.messaging.RocketMqSettings.instanceName("engine-results"));
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(3000);
        producer.setRetryTimesWhenSendFailed(0);
        try {
            producer.start();
            List<Publication> batch = new ArrayList<>();
            while (running || !queue.isEmpty()) {
                Publication first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 255);
                send(batch);
                synchronized (sentMonitor) {
                    sent = batch.get(batch.size() - 1).nextSequence();
                    sentMonitor.notifyAll();
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "engine results publisher stopped; the next start's replay sends what is missing", e);
        } finally {
            producer.shutdown();
        }
    }

    /**
     * What piled up, in as few sends as the broker takes: the entries' results as batches of
     * messages (each still its own message, in order, on the one queue) of at most about 1 MB, then
     * the market data per queue, likewise. Every send waits for the broker's flush (the broker flushes
     * synchronously for the journal's sake), so one send per entry, and another for its market
     * data, was what held the projections back under load.
     */
    private void send(List<Publication> publications) throws InterruptedException {
        List<Message> results = new ArrayList<>(publications.size());
        for (Publication p : publications) {
            results.add(message(EngineResults.TOPIC, p.results(), "engine:" + p.results().firstSequence()));
        }
        sendInChunks(results, () -> resultsQueue());
        java.util.Map<MessageQueue, List<Message>> byQueue = new java.util.LinkedHashMap<>();
        for (Publication p : publications) {
            for (DomainEvent e : p.marketData()) {
                Message m = message(e.topic(), e, null);
                byQueue.computeIfAbsent(RocketMqPublisher.BY_KEY.select(marketQueues(), m, e.key()), q -> new ArrayList<>()).add(m);
            }
        }
        for (var entry : byQueue.entrySet()) {
            sendInChunks(entry.getValue(), entry::getKey);
        }
    }

    /** In order, as batches of at most {@link #BATCH_BYTES} (a message larger than that goes alone). */
    private void sendInChunks(List<Message> messages, QueueChoice queue) throws InterruptedException {
        List<Message> chunk = new ArrayList<>();
        int size = 0;
        for (Message m : messages) {
            if (!chunk.isEmpty() && size + m.getBody().length > BATCH_BYTES) {
                sendUntilAccepted(chunk, queue);
                chunk = new ArrayList<>();
                size = 0;
            }
            chunk.add(m);
            size += m.getBody().length;
        }
        if (!chunk.isEmpty()) {
            sendUntilAccepted(chunk, queue);
        }
    }

    /** Bytes of results per send: well under the broker's 4 MB for a batch. */
    private static final int BATCH_BYTES = 1 << 20;

    private interface QueueChoice {
        MessageQueue queue() throws Exception;
    }

    private void sendUntilAccepted(List<Message> messages, QueueChoice choice) throws InterruptedException {
        long wait = 100;
        while (true) {
            try {
                if (producer.send(messages, choice.queue()).getSendStatus() == SendStatus.SEND_OK) {
                    return;
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    throw (InterruptedException) e;
                }
                LOG.log(Level.WARNING, "engine results not sent; retrying in " + wait + " ms: " + e);
                resultsQueue = null;
                marketQueues = null;
            }
            if (!running && wait >= 1000) {
                throw new InterruptedException("stopping with results unsent; the next start's replay sends them");
            }
            Thread.sleep(wait);
            wait = Math.min(wait * 2, 1000);
        }
    }

    private static Message message(String topic, DomainEvent event, String idSeed) {
        Message m = new Message(topic, event.eventType(), event.key(), EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8));
        m.putUserProperty("eventId", idSeed == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(idSeed.getBytes(StandardCharsets.UTF_8)).toString());
        m.putUserProperty("occurredAt", Instant.now().toString());
        return m;
    }

    private MessageQueue resultsQueue() throws Exception {
        if (resultsQueue == null) {
            resultsQueue = producer.fetchPublishMessageQueues(EngineResults.TOPIC).stream()
                    .filter(q -> q.getQueueId() == 0).findFirst()
                    .orElseThrow(() -> new IllegalStateException(EngineResults.TOPIC + " has no queue 0"));
        }
        return resultsQueue;
    }

    private List<MessageQueue> marketQueues() throws InterruptedException {
        while (marketQueues == null) {
            try {
                List<MessageQueue> queues = new ArrayList<>(producer.fetchPublishMessageQueues(exchange.api.event.Topics.MATCH));
                // The selector picks by position: the same order as the producers' own route.
                queues.sort(Comparator.comparing(MessageQueue::getBrokerName).thenComparingInt(MessageQueue::getQueueId));
                marketQueues = queues;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "match-events not routable yet", e);
                Thread.sleep(500);
            }
        }
        return marketQueues;
    }
}
