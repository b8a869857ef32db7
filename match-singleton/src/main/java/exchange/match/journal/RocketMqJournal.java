package exchange.match.journal;

import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * The journal on a one-queue RocketMQ topic. The broker flushes synchronously (SYNC_FLUSH), so a
 * send answered SEND_OK is on disk; any other answer (a flush or slave timeout, an exception) is
 * reported as a failure, though the entry may be there: the sequencer then appends the same batch
 * again and the replay drops the copy by its sequence numbers. One queue, one writer thread:
 * entries keep the order they were appended in.
 */
@SuppressWarnings("deprecation") // DefaultMQPullConsumer: the client's only reader that says where the queue ends
public final class RocketMqJournal implements Journal {
    public static final String TOPIC = "engine-journal";
    private static final int PULL_BATCH = 32;

    private final DefaultMQProducer producer;
    private final DefaultMQPullConsumer reader;
    private final String topic;
    private volatile MessageQueue queue;

    public RocketMqJournal(String namesrv, String topic, String instance) {
        this.topic = topic;
        producer = new DefaultMQProducer("engine-journal-writer");
        producer.setNamesrvAddr(namesrv);
        // The cluster's broker group elects a new master when one dies: find it within a second or
        // two, not the client's default 30 s (a system property: the engine's code runs outside a container too).
        int routePoll = Integer.getInteger("exchange.rocketmq.route-poll-ms", 30_000);
        producer.setPollNameServerInterval(routePoll);
        producer.setInstanceName(instance);
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(3000);
        // A retry inside the client would append the batch again behind our back; the sequencer retries itself.
        producer.setRetryTimesWhenSendFailed(0);
        producer.setMaxMessageSize(4 * 1024 * 1024);
        reader = new DefaultMQPullConsumer("engine-journal-reader");
        reader.setNamesrvAddr(namesrv);
        reader.setPollNameServerInterval(routePoll);
        reader.setInstanceName(instance);
        reader.setVipChannelEnabled(false);
    }

    public RocketMqJournal start() throws JournalException {
        try {
            producer.start();
            reader.start();
        } catch (MQClientException e) {
            throw new JournalException("journal client did not start", e);
        }
        return this;
    }

    private MessageQueue queue() throws JournalException {
        MessageQueue q = queue;
        if (q == null) {
            try {
                List<MessageQueue> queues = producer.fetchPublishMessageQueues(topic);
                q = queues.stream().filter(m -> m.getQueueId() == 0).findFirst()
                        .orElseThrow(() -> new JournalException("topic " + topic + " has no queue 0"));
            } catch (MQClientException e) {
                throw new JournalException("journal topic " + topic + " not found", e);
            }
            queue = q;
        }
        return q;
    }

    @Override
    public long append(byte[] entry) throws JournalException {
        MessageQueue q = queue();
        SendResult result;
        try {
            result = producer.send(new Message(topic, entry), q);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new JournalException("append not confirmed", e);
        }
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new JournalException("append not confirmed on disk: " + result.getSendStatus());
        }
        return result.getQueueOffset();
    }

    @Override
    public long read(long from, long max, EntryReader entries) throws JournalException {
        MessageQueue q = queue();
        long offset = from;
        while (offset - from < max) {
            PullResult result;
            try {
                result = reader.pull(q, "*", offset, (int) Math.min(PULL_BATCH, max - (offset - from)));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new JournalException("journal not readable at " + offset, e);
            }
            switch (result.getPullStatus()) {
                case FOUND -> {
                    for (MessageExt m : result.getMsgFoundList()) {
                        if (m.getQueueOffset() - from >= max) {
                            return m.getQueueOffset();
                        }
                        try {
                            entries.entry(m.getQueueOffset(), m.getBody());
                        } catch (java.io.IOException e) {
                            throw new JournalException("journal entry " + m.getQueueOffset() + " unreadable", e);
                        }
                    }
                    offset = result.getNextBeginOffset();
                }
                case NO_NEW_MSG -> {
                    return offset;
                }
                case NO_MATCHED_MSG -> offset = result.getNextBeginOffset();
                case OFFSET_ILLEGAL -> throw new JournalException("position " + offset + " is not in the journal ("
                        + result.getMinOffset() + ".." + result.getMaxOffset() + ")");
                default -> throw new JournalException("unexpected pull status " + result.getPullStatus());
            }
        }
        return offset;
    }

    @Override
    public long end() throws JournalException {
        try {
            return reader.maxOffset(queue());
        } catch (MQClientException e) {
            throw new JournalException("journal end unknown", e);
        }
    }

    @Override
    public void close() {
        producer.shutdown();
        reader.shutdown();
    }
}
