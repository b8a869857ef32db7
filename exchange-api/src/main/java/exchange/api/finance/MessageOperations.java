package exchange.api.finance;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Operations on the message path (seed: 消息堆积监控, 消费延迟监控, 死信队列): each consumer group's
 * backlog per topic as the broker counts it, and each group's dead-letter queue with replay.
 */
@Local
public interface MessageOperations {
    /** The groups the exchange consumes with on the broker (the engine and the WebSocket hub keep their own offsets). */
    List<String> GROUPS = List.of("user-service-group", "trade-service-group", "wallet-service-group", "finance-service-group",
            "risk-service-group");

    List<Backlog> backlog();

    /** The group's parked messages, oldest first, with what was replayed already. */
    List<DeadLetter> deadLetters(String group, int limit);

    /**
     * Sends the parked message again to the topic it came from, with its tags, key and event id
     * (consumers are idempotent per event id); once per message: 409 ALREADY_REPLAYED after.
     */
    DeadLetter replay(String group, String messageId, String operator);

    record Backlog(String group, String topic, long brokerOffset, long consumerOffset, long lag, Instant lastConsumedAt)
            implements Serializable {
    }

    record DeadLetter(String messageId, String group, String originTopic, String tags, String keys, String eventId, String body,
                      Instant bornAt, int reconsumeTimes, String replayedBy, Instant replayedAt) implements Serializable {
    }
}
