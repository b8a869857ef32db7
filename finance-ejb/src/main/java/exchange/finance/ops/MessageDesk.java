package exchange.finance.ops;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.Topics;
import exchange.api.finance.MessageOperations;
import exchange.api.messaging.RocketMqSettings;
import exchange.api.persistence.InstantConverter;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;

/**
 * The broker's view of the exchange's consumer groups (backlog from the broker's consume stats)
 * and their dead-letter queues, read with a short-lived pull consumer of a group of its own, so
 * that looking never joins, or rebalances, a business group. Replay re-sends through a producer
 * of its own and records the replay in the same transaction.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessageDesk implements MessageOperations {
    private static final long TIMEOUT_MILLIS = 3000;
    @PersistenceContext(unitName = "finance")
    private EntityManager em;
    private volatile DefaultMQProducer producer;

    @Override
    public List<Backlog> backlog() {
        MQClientInstance client = producer().getDefaultMQProducerImpl().getMqClientFactory();
        List<Backlog> out = new ArrayList<>();
        try {
            List<String> brokers = client.getMQClientAPIImpl().getTopicRouteInfoFromNameServer(Topics.USER, TIMEOUT_MILLIS)
                    .getBrokerDatas().stream().map(BrokerData::selectBrokerAddr).toList();
            for (String group : GROUPS) {
                Map<String, long[]> byTopic = new TreeMap<>();
                for (String broker : brokers) {
                    ConsumeStats stats;
                    try {
                        stats = client.getMQClientAPIImpl().getConsumeStats(broker, group, TIMEOUT_MILLIS);
                    } catch (Exception e) {
                        continue; // a group that has not consumed from this broker yet
                    }
                    for (Map.Entry<MessageQueue, OffsetWrapper> e : stats.getOffsetTable().entrySet()) {
                        if (e.getKey().getTopic().startsWith("%RETRY%")) {
                            continue;
                        }
                        long[] t = byTopic.computeIfAbsent(e.getKey().getTopic(), k -> new long[3]);
                        t[0] += e.getValue().getBrokerOffset();
                        t[1] += Math.max(0, e.getValue().getConsumerOffset());
                        t[2] = Math.max(t[2], e.getValue().getLastTimestamp());
                    }
                }
                byTopic.forEach((topic, t) -> out.add(new Backlog(group, topic, t[0], t[1], Math.max(0, t[0] - t[1]),
                        t[2] > 0 ? Instant.ofEpochMilli(t[2]) : null)));
            }
        } catch (Exception e) {
            throw new BusinessException(ErrorCode.BROKER_UNAVAILABLE, "The broker did not answer: " + e.getMessage());
        }
        return out;
    }

    @Override
    public List<DeadLetter> deadLetters(String group, int limit) {
        requireGroup(group);
        Map<String, Object[]> replays = new TreeMap<>();
        for (Object o : em.createNativeQuery("SELECT message_id, replayed_by, replayed_at FROM exchange_finance.dead_letter_replays"
                + " WHERE consumer_group = ?1").setParameter(1, group).getResultList()) {
            Object[] r = (Object[]) o;
            replays.put((String) r[0], r);
        }
        List<DeadLetter> out = new ArrayList<>();
        for (MessageExt m : parked(group, limit)) {
            Object[] r = replays.get(m.getMsgId());
            out.add(view(group, m, r == null ? null : (String) r[1], r == null ? null : InstantConverter.fromColumn(r[2])));
        }
        return out;
    }

    @Override
    public DeadLetter replay(String group, String messageId, String operator) {
        requireGroup(group);
        if (!em.createNativeQuery("SELECT 1 FROM exchange_finance.dead_letter_replays WHERE message_id = ?1")
                .setParameter(1, messageId).getResultList().isEmpty()) {
            throw new BusinessException(ErrorCode.ALREADY_REPLAYED, "Dead letter " + messageId + " was replayed already.");
        }
        MessageExt parked = parked(group, 10_000).stream().filter(m -> m.getMsgId().equals(messageId)).findFirst()
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No dead letter " + messageId + " in " + group + "."));
        DeadLetter view = view(group, parked, operator, Instant.now());
        // Recorded first: if the send fails the transaction rolls back, and the replay can be tried again.
        em.createNativeQuery("INSERT INTO exchange_finance.dead_letter_replays (message_id, consumer_group, origin_topic, event_id,"
                        + " replayed_by, replayed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, messageId).setParameter(2, group).setParameter(3, view.originTopic()).setParameter(4, view.eventId())
                .setParameter(5, operator).setParameter(6, Timestamp.from(view.replayedAt())).executeUpdate();
        em.flush();
        Message again = new Message(view.originTopic(), parked.getTags(), parked.getKeys(), parked.getBody());
        parked.getProperties().forEach((k, v) -> {
            if (!MessageConst.STRING_HASH_SET.contains(k)) {
                again.putUserProperty(k, v);
            }
        });
        try {
            producer().send(again, TIMEOUT_MILLIS);
        } catch (Exception e) {
            throw new BusinessException(ErrorCode.BROKER_UNAVAILABLE, "The replay was not sent: " + e.getMessage());
        }
        return view;
    }

    private List<MessageExt> parked(String group, int limit) {
        DefaultLitePullConsumer reader = new DefaultLitePullConsumer("ops-dlq-reader-" + UUID.randomUUID());
        RocketMqSettings.apply(reader);
        reader.setInstanceName(reader.getConsumerGroup());
        reader.setAutoCommit(false);
        reader.setPollTimeoutMillis(500);
        List<MessageExt> out = new ArrayList<>();
        try {
            reader.start();
            Collection<MessageQueue> queues;
            try {
                queues = reader.fetchMessageQueues("%DLQ%" + group);
            } catch (MQClientException e) {
                return out; // no message was ever parked for this group
            }
            reader.assign(queues);
            for (MessageQueue q : queues) {
                reader.seek(q, 0);
            }
            for (int empty = 0; empty < 2 && out.size() < limit; ) {
                List<MessageExt> batch = reader.poll();
                if (batch.isEmpty()) {
                    empty++;
                }
                out.addAll(batch);
            }
        } catch (MQClientException e) {
            throw new BusinessException(ErrorCode.BROKER_UNAVAILABLE, "The dead-letter queue could not be read: " + e.getMessage());
        } finally {
            reader.shutdown();
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static DeadLetter view(String group, MessageExt m, String replayedBy, Instant replayedAt) {
        String origin = m.getProperty(MessageConst.PROPERTY_DLQ_ORIGIN_TOPIC);
        if (origin == null) {
            origin = m.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        }
        String body = new String(m.getBody(), StandardCharsets.UTF_8);
        return new DeadLetter(m.getMsgId(), group, origin, m.getTags(), m.getKeys(), m.getUserProperty("eventId"),
                body.length() > 500 ? body.substring(0, 500) + "…" : body, Instant.ofEpochMilli(m.getBornTimestamp()),
                m.getReconsumeTimes(), replayedBy, replayedAt);
    }

    private static void requireGroup(String group) {
        if (!GROUPS.contains(group)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "group: one of " + GROUPS);
        }
    }

    private DefaultMQProducer producer() {
        DefaultMQProducer p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    DefaultMQProducer created = new DefaultMQProducer("ops-producer");
                    RocketMqSettings.apply(created);
                    created.setInstanceName("ops-producer");
                    try {
                        created.start();
                    } catch (MQClientException e) {
                        throw new BusinessException(ErrorCode.BROKER_UNAVAILABLE, "No producer: " + e.getMessage());
                    }
                    producer = created;
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void stop() {
        if (producer != null) {
            producer.shutdown();
        }
    }
}
