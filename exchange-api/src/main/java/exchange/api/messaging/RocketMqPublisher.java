package exchange.api.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * One service's RocketMQ producer. Events go out as transactional (half) messages whose fate is
 * decided by the JTA outcome; when the broker asks about a half message whose outcome it never
 * heard, the answer is whether the outbox row exists.
 */
public final class RocketMqPublisher {
    static final String EVENT_ID = "eventId";
    static final String OCCURRED_AT = "occurredAt";
    private static final Logger LOG = Logger.getLogger(RocketMqPublisher.class.getName());
    /** A half message younger than this may belong to a transaction still running. */
    private static final Duration UNDECIDED_WINDOW = Duration.ofSeconds(60);

    /**
     * Every event with the same key goes to the same queue, so consumers that read a queue in
     * order (the engine, settlement) see one symbol's events in the order they were sent.
     */
    public static final MessageQueueSelector BY_KEY = (queues, message, key) ->
            queues.get(Math.floorMod(key.hashCode(), queues.size()));

    private final TransactionMQProducer producer;

    private RocketMqPublisher(TransactionMQProducer producer) {
        this.producer = producer;
    }

    /** A half message on the broker, waiting for the transaction's outcome. */
    public record Half(Message message, SendResult result) {
    }

    public static RocketMqPublisher start(String group, Predicate<String> outboxHasEvent) {
        TransactionMQProducer producer = new TransactionMQProducer(group);
        RocketMqSettings.apply(producer);
        producer.setInstanceName(RocketMqSettings.instanceName(group));
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(2000);
        producer.setRetryTimesWhenSendFailed(1);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                // Never called: half messages are sent by sendHalf and ended by the JTA outcome.
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                String eventId = msg.getUserProperty(EVENT_ID);
                if (outboxHasEvent.test(eventId)) {
                    return LocalTransactionState.COMMIT_MESSAGE;
                }
                long age = System.currentTimeMillis() - msg.getBornTimestamp();
                return age > UNDECIDED_WINDOW.toMillis()
                        ? LocalTransactionState.ROLLBACK_MESSAGE
                        : LocalTransactionState.UNKNOW;
            }
        });
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("RocketMQ producer " + group + " did not start", e);
        }
        return new RocketMqPublisher(producer);
    }

    /** Sends the half message without waiting; the future completes when the broker stored it. */
    public CompletableFuture<Half> sendHalf(EventEnvelope event) {
        Message message = toMessage(event);
        // What sendMessageInTransaction does, minus ending the transaction at once: its result
        // lacks the broker's offset message id, without which a later endTransaction cannot work.
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_PRODUCER_GROUP, producer.getProducerGroup());
        CompletableFuture<Half> stored = new CompletableFuture<>();
        try {
            producer.send(message, BY_KEY, event.key(), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    if (result.getSendStatus() == SendStatus.SEND_OK) {
                        stored.complete(new Half(message, result));
                    } else {
                        stored.completeExceptionally(new IllegalStateException("half message not stored: " + result.getSendStatus()));
                    }
                }

                @Override
                public void onException(Throwable e) {
                    stored.completeExceptionally(e);
                }
            });
        } catch (Exception e) {
            stored.completeExceptionally(e);
        }
        return stored;
    }

    public void end(Half half, boolean commit) throws Exception {
        producer.getDefaultMQProducerImpl().endTransaction(half.message(), half.result(),
                commit ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE, null);
    }

    /** For the relay: the outbox row is committed, so a plain message is the right thing to send. */
    public boolean sendCommitted(EventEnvelope event) {
        return sendCommitted(event, 0);
    }

    /** A committed event, held by the broker for the given delay level first (0: none). */
    public boolean sendCommitted(EventEnvelope event, int delayLevel) {
        try {
            Message message = toMessage(event);
            if (delayLevel > 0) {
                message.setDelayTimeLevel(delayLevel);
            }
            return producer.send(message, BY_KEY, event.key()).getSendStatus() == SendStatus.SEND_OK;
        } catch (Exception e) {
            LOG.fine(() -> "relay send failed for " + event.eventId() + ": " + e);
            return false;
        } 
    }

    /** The broker's default delay levels, 1 to 18 (messageDelayLevel). */
    private static final long[] DELAY_LEVEL_SECONDS = {1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600,
            1200, 1800, 3600, 7200};

    /** The first delay level at least as long as the delay (the last one for anything longer); 0 for none. */
    static int delayLevel(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return 0;
        }
        for (int i = 0; i < DELAY_LEVEL_SECONDS.length; i++) {
            if (DELAY_LEVEL_SECONDS[i] * 1000 >= delay.toMillis()) {
                return i + 1;
            }
        }
        return DELAY_LEVEL_SECONDS.length;
    }

    public void shutdown() {
        producer.shutdown();
    }

    static Message toMessage(EventEnvelope event) {
        Message message = new Message(event.topic(), event.type(), event.key(),
                event.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        message.putUserProperty(EVENT_ID, event.eventId());
        message.putUserProperty(OCCURRED_AT, event.occurredAt().toString());
        return message;
    }
}
