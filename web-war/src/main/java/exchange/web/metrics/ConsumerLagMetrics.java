package exchange.web.metrics;

import exchange.api.finance.MessageOperations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Seed 4.2.4's message backlog and consumer lag (消息堆积监控, 消费延迟监控) as Prometheus gauges
 * (issue #17): per consumer group and topic, the messages the broker holds that the group has not
 * consumed, and the seconds since the group last consumed one. The broker is asked once every
 * {@link #EVERY} (not once per gauge per scrape) by the console's own {@link MessageOperations};
 * a pair seen for the first time gets its gauges then. Values older than {@link #STALE} (the
 * broker stopped answering) read NaN: an unknown lag is not a zero lag.
 */
@ApplicationScoped
public class ConsumerLagMetrics {
    private static final Logger LOG = Logger.getLogger(ConsumerLagMetrics.class.getName());
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final Duration STALE = Duration.ofSeconds(30);

    @Inject
    MetricRegistry registry;
    @EJB
    MessageOperations messages;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, MessageOperations.Backlog> latest = new ConcurrentHashMap<>();
    private volatile Instant readAt = Instant.EPOCH;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        task = scheduler.scheduleWithFixedDelay(this::read, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void read() {
        try {
            for (MessageOperations.Backlog b : messages.backlog()) {
                if (latest.put(b.group() + "|" + b.topic(), b) == null) {
                    register(b.group(), b.topic());
                }
            }
            readAt = Instant.now();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "consumer lag not read this time", e); // the gauges go NaN once it is stale
        }
    }

    private void register(String group, String topic) {
        String key = group + "|" + topic;
        Tag[] tags = {new Tag("group", group), new Tag("topic", topic)};
        gauge("exchange_consumer_lag_messages", "messages of the topic the broker holds that the group has not consumed",
                key, MessageOperations.Backlog::lag, tags);
        gauge("exchange_consumer_last_consumed_age_seconds", "seconds since the group last consumed a message of the topic",
                key, b -> b.lastConsumedAt() == null ? -1 : Duration.between(b.lastConsumedAt(), readAt).toSeconds(), tags);
    }

    private void gauge(String name, String help, String key, ToLongFunction<MessageOperations.Backlog> value, Tag... tags) {
        try {
            registry.gauge(Metadata.builder().withName(name).withDescription(help).build(), () -> {
                MessageOperations.Backlog b = latest.get(key);
                if (b == null || readAt.isBefore(Instant.now().minus(STALE))) {
                    return Double.NaN;
                }
                long v = value.applyAsLong(b);
                return v < 0 ? Double.NaN : (double) v;
            }, tags);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "metric " + name + " not registered", e);
        }
    }
}
