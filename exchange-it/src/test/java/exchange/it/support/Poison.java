package exchange.it.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * A UserRegistered whose payload the wallet cannot read: every attempt of wallet-service-group
 * fails, and after the real retry back-off (about two minutes) it is parked in that group's
 * dead-letter queue.
 */
public final class Poison {
    private Poison() {
    }

    public static void send(String eventId) {
        String suffix = eventId.substring(0, 8);
        DefaultMQProducer producer = new DefaultMQProducer("it-poison-" + suffix);
        producer.setNamesrvAddr("127.0.0.1:9876");
        producer.setInstanceName(producer.getProducerGroup());
        try {
            producer.start();
            Message poison = new Message("user-events", "UserRegistered", "poison-" + suffix,
                    "{\"userId\":\"not-a-number\"}".getBytes(StandardCharsets.UTF_8));
            poison.putUserProperty("eventId", eventId);
            poison.putUserProperty("occurredAt", Instant.now().toString());
            producer.send(poison);
        } catch (Exception e) {
            throw new IllegalStateException("poison message not sent", e);
        } finally {
            producer.shutdown();
        }
    }
}
