package exchange.api.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * One service's consumer group. The handler runs its own JTA transaction (it is an EJB call) and
 * records the event id there; a handler that throws gets the message again after 1 s, 5 s, 10 s,
 * 30 s and 1 min (RocketMQ delay levels 1 to 5), and after {@link #MAX_RECONSUME} failed retries
 * RocketMQ moves it to the group's dead-letter queue {@code %DLQ%<group>}, where an operator can
 * look at it and replay it.
 */
public final class RocketMqSubscriber {
    public static final int MAX_RECONSUME = 5;
    private static final Logger LOG = Logger.getLogger(RocketMqSubscriber.class.getName());

    private final DefaultMQPushConsumer consumer;

    private RocketMqSubscriber(DefaultMQPushConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * Concurrent consumption: for effects that do not depend on each other's order.
     *
     * @param subscriptions topic to tag expression ("*" or "TypeA || TypeB")
     */
    public static RocketMqSubscriber start(String group, Map<String, String> subscriptions,
                                           Consumer<EventEnvelope> handler) {
        DefaultMQPushConsumer consumer = consumer(group, subscriptions);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, ctx) -> {
            for (MessageExt message : messages) {
                if (!handled(group, handler, message)) {
                    ctx.setDelayLevelWhenNextConsume(message.getReconsumeTimes() + 1);
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return started(group, consumer);
    }

    /**
     * Orderly consumption: one thread per queue, in queue order, for events keyed (and queued) by
     * symbol whose effects must apply in sequence. A failure holds the queue and retries in place.
     */
    public static RocketMqSubscriber startOrderly(String group, Map<String, String> subscriptions,
                                                  Consumer<EventEnvelope> handler) {
        DefaultMQPushConsumer consumer = consumer(group, subscriptions);
        // Never park a settlement in the DLQ and skip ahead: a stuck queue is visible and safe.
        consumer.setMaxReconsumeTimes(-1);
        consumer.registerMessageListener((MessageListenerOrderly) (messages, ctx) -> {
            for (MessageExt message : messages) {
                if (!handled(group, handler, message)) {
                    ctx.setSuspendCurrentQueueTimeMillis(1000);
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        return started(group, consumer);
    }

    /**
     * Orderly consumption in batches: up to {@code maxBatch} consecutive messages of one queue go
     * to the handler together, so it can settle them in one transaction (one commit, one broker
     * round trip) instead of one each. A failure retries the whole batch in place; handlers are
     * idempotent per event, so the part that had been applied before is dropped on the retry.
     */
    public static RocketMqSubscriber startOrderlyBatches(String group, Map<String, String> subscriptions, int maxBatch,
                                                         Consumer<java.util.List<EventEnvelope>> handler) {
        DefaultMQPushConsumer consumer = consumer(group, subscriptions);
        consumer.setMaxReconsumeTimes(-1);
        consumer.setConsumeMessageBatchMaxSize(maxBatch);
        consumer.registerMessageListener((MessageListenerOrderly) (messages, ctx) -> {
            try {
                handler.accept(messages.stream().map(RocketMqSubscriber::envelope).toList());
                return ConsumeOrderlyStatus.SUCCESS;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, messages.size() + " events from " + messages.get(0).getUserProperty(RocketMqPublisher.EVENT_ID)
                        + " failed in " + group + "; retrying the batch", e);
                ctx.setSuspendCurrentQueueTimeMillis(1000);
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
        });
        return started(group, consumer);
    }

    /**
     * Broadcast consumption: every node gets every message (seed: 广播消息), for effects local
     * to a node such as pushing to its WebSocket clients. Starts at the newest message, since a
     * node's clients want what happens from now on, and never retries: a failed push is dropped.
     */
    public static RocketMqSubscriber startBroadcast(String group, String node, Map<String, String> subscriptions,
                                                    Consumer<EventEnvelope> handler) {
        DefaultMQPushConsumer consumer = consumer(group, subscriptions);
        consumer.setMessageModel(MessageModel.BROADCASTING);
        consumer.setInstanceName(group + "-" + node);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.setConsumeThreadMin(1);
        consumer.setConsumeThreadMax(1);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, ctx) -> {
            for (MessageExt message : messages) {
                handled(group, handler, message);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return started(group, consumer);
    }

    private static DefaultMQPushConsumer consumer(String group, Map<String, String> subscriptions) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        RocketMqSettings.apply(consumer);
        consumer.setInstanceName(RocketMqSettings.instanceName(group));
        consumer.setVipChannelEnabled(false);
        // Consumers are idempotent, so a new group reads from the start rather than risk a gap.
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(MAX_RECONSUME);
        consumer.setConsumeThreadMin(2);
        consumer.setConsumeThreadMax(4);
        try {
            for (Map.Entry<String, String> s : subscriptions.entrySet()) {
                consumer.subscribe(s.getKey(), s.getValue());
            }
        } catch (MQClientException e) {
            throw new IllegalStateException("RocketMQ consumer " + group + " cannot subscribe", e);
        }
        return consumer;
    }

    private static boolean handled(String group, Consumer<EventEnvelope> handler, MessageExt message) {
        try {
            handler.accept(envelope(message));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Event " + message.getUserProperty(RocketMqPublisher.EVENT_ID)
                    + " failed in " + group + " (attempt " + (message.getReconsumeTimes() + 1) + ")", e);
            return false;
        }
    }

    private static RocketMqSubscriber started(String group, DefaultMQPushConsumer consumer) {
        try {
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("RocketMQ consumer " + group + " did not start", e);
        }
        return new RocketMqSubscriber(consumer);
    }

    public void shutdown() {
        consumer.shutdown();
    }

    static EventEnvelope envelope(MessageExt message) {
        String occurred = message.getUserProperty(RocketMqPublisher.OCCURRED_AT);
        return new EventEnvelope(
                message.getUserProperty(RocketMqPublisher.EVENT_ID),
                message.getTags(),
                message.getTopic(),
                message.getKeys(),
                occurred == null ? Instant.ofEpochMilli(message.getBornTimestamp()) : Instant.parse(occurred),
                new String(message.getBody(), StandardCharsets.UTF_8));
    }
}
