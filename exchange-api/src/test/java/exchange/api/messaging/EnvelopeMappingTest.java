package exchange.api.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.api.event.UserRegistered;
import java.time.Instant;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** What the outbox sends is what a consumer rebuilds: id, type, routing and payload survive the trip. */
class EnvelopeMappingTest {
    @Test
    void anEnvelopeSurvivesTheRocketMqMessage() {
        UserRegistered event = new UserRegistered(42L, "a@b.io", Instant.parse("2026-11-26T00:00:00.123456Z"));
        EventEnvelope sent = new EventEnvelope("6f1c1c5e-0000-4000-8000-000000000001", event.eventType(), event.topic(),
                event.key(), Instant.parse("2026-11-26T00:00:01.5Z"), EventCodec.toJson(event));

        Message message = RocketMqPublisher.toMessage(sent);
        assertEquals("user-events", message.getTopic());
        assertEquals("UserRegistered", message.getTags());
        assertEquals("42", message.getKeys());

        MessageExt received = new MessageExt();
        received.setTopic(message.getTopic());
        received.setTags(message.getTags());
        received.setKeys(message.getKeys());
        received.setBody(message.getBody());
        org.apache.rocketmq.common.message.MessageAccessor.setProperties(received, new java.util.HashMap<>(message.getProperties()));

        EventEnvelope rebuilt = RocketMqSubscriber.envelope(received);
        assertEquals(sent, rebuilt);
        assertEquals(event, rebuilt.payloadAs(UserRegistered.class));
    }
}
