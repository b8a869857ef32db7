package exchange.web.metrics;

import exchange.api.messaging.OutboxHealth;
import exchange.api.trade.EngineStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The engine's and the outboxes' state as Prometheus gauges (issue #17), read at each scrape from
 * what the console's operations pages read: the engine's role on this instance and how far it has
 * applied and journaled, and per service outbox what waits to be sent and for how long. The
 * {@code NoEngineLeads}, {@code EngineFailed} and {@code OutboxNotDraining} alerts read them.
 */
@ApplicationScoped
public class FlowMetrics {
    private static final Logger LOG = Logger.getLogger(FlowMetrics.class.getName());
    static final List<String> ROLES = List.of("leader", "standby", "starting", "deposed", "failed");

    @Inject
    MetricRegistry registry;
    @EJB
    EngineStatus engine;
    @Inject
    @Any
    Instance<OutboxHealth> outboxes;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private static final Duration STALE = Duration.ofSeconds(15);
    private volatile EngineStatus.Progress progress;
    private volatile Instant progressAt = Instant.EPOCH;
    private ScheduledFuture<?> task;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Asked of the engine's own thread, which may be busy: read once a second in the background,
        // so a scrape never waits on it (a scrape that waits past its timeout loses every metric).
        task = scheduler.scheduleWithFixedDelay(this::readProgress, 0, 1, TimeUnit.SECONDS);
        gauge("exchange_engine_commands_applied", "commands the engine on this instance reflects (snapshot included)",
                () -> fresh().commandsApplied());
        gauge("exchange_engine_journal_position", "the journal offset after the commands the engine applied",
                () -> fresh().journalPosition());
        for (String role : ROLES) {
            gauge("exchange_engine_role", "1 for this instance's part in the cluster (leader, standby, starting, deposed, failed)",
                    () -> role.equals(engine.role()) ? 1L : 0L, new Tag("role", role));
        }
        for (Instance.Handle<OutboxHealth> outbox : outboxes.handles()) {
            // The bean's class names the service (WalletEventOutbox, ...): known without asking the database.
            Tag tag = new Tag("outbox", outbox.getBean().getBeanClass().getSimpleName());
            gauge("exchange_outbox_unsent_messages", "events in the service's outbox not yet sent to the broker",
                    () -> outbox.get().health().unsent(), tag);
            gauge("exchange_outbox_oldest_unsent_age_seconds", "how long the oldest unsent event has waited (0 when none waits)",
                    () -> {
                        Instant oldest = outbox.get().health().oldestUnsentAt();
                        return oldest == null ? 0L : Math.max(0L, Duration.between(oldest, Instant.now()).toSeconds());
                    }, tag);
        }
    }

    private void readProgress() {
        try {
            progress = engine.progress();
            progressAt = Instant.now();
        } catch (RuntimeException e) {
            // not this second: the gauges go NaN once the last reading is stale
        }
    }

    /** The last reading, or an exception (NaN for the scrape) when it is older than {@link #STALE}. */
    private EngineStatus.Progress fresh() {
        EngineStatus.Progress p = progress;
        if (p == null || progressAt.isBefore(Instant.now().minus(STALE))) {
            throw new IllegalStateException("no fresh reading of the engine's progress");
        }
        return p;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void gauge(String name, String help, Supplier<Long> value, Tag... tags) {
        try {
            // A value that cannot be read is NaN for that scrape, not an error that fails every other metric.
            Supplier<Double> safe = () -> {
                try {
                    return value.get().doubleValue();
                } catch (RuntimeException e) {
                    return Double.NaN;
                }
            };
            registry.gauge(Metadata.builder().withName(name).withDescription(help).build(), safe, tags);
        } catch (RuntimeException e) {
            // A metric that cannot register must not stop the exchange from starting: it is missing, and logged.
            LOG.log(Level.WARNING, "metric " + name + " not registered", e);
        }
    }
}
