package exchange.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/** Writes a command straight onto the engine's journal ({@code trade-events}), as no client can: for engine-fault tests. */
public final class Journal {
    private Journal() {
    }

    public static void send(String tag, String symbolKey, String json) {
        String id = UUID.randomUUID().toString();
        DefaultMQProducer producer = new DefaultMQProducer("it-journal-" + id.substring(0, 8));
        producer.setNamesrvAddr("127.0.0.1:9876");
        producer.setInstanceName(producer.getProducerGroup());
        try {
            producer.start();
            Message m = new Message("trade-events", tag, symbolKey, json.getBytes(StandardCharsets.UTF_8));
            m.putUserProperty("eventId", id);
            m.putUserProperty("occurredAt", Instant.now().toString());
            producer.send(m, (queues, msg, key) -> queues.get(Math.floorMod(key.hashCode(), queues.size())), symbolKey);
        } catch (Exception e) {
            throw new IllegalStateException("journal command not sent", e);
        } finally {
            producer.shutdown();
        }
    }
}
