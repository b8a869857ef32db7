package exchange.api.messaging;

import exchange.api.event.DomainEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A service's outbox: {@link #publish} writes the event beside the business rows of the caller's
 * JTA transaction and ties a transactional RocketMQ message to that transaction's outcome. A relay
 * runs every two seconds: it records what was delivered and republishes what the broker never got
 * (it was down at commit time, or the server died between commit and send).
 *
 * <p>Each service extends this as a {@code @Singleton @Startup} bean with bean-managed concurrency,
 * over its own outbox table.
 */
public abstract class AbstractEventOutbox {
    /** Rows younger than this may still be settling through their own transaction's synchronization. */
    private static final Duration RELAY_GRACE = Duration.ofSeconds(5);
    private static final int RELAY_BATCH = 200;

    @Resource
    private TransactionSynchronizationRegistry transactions;
    @Resource
    private SessionContext context;

    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();
    private final Class<? extends OutboxRecord> recordType;
    private final String producerGroup;
    private volatile RocketMqPublisher publisher;

    /**
     * @param recordType    the service's outbox entity (a public no-argument constructor)
     * @param producerGroup the service's RocketMQ producer group
     */
    protected AbstractEventOutbox(Class<? extends OutboxRecord> recordType, String producerGroup) {
        this.recordType = recordType;
        this.producerGroup = producerGroup;
    }

    /** The service's own persistence unit, where its outbox table lives. */
    protected abstract EntityManager entityManager();

    @PostConstruct
    protected void startPublisher() {
        AbstractEventOutbox self = context.getBusinessObject(getClass());
        publisher = RocketMqPublisher.start(producerGroup, self::isRecorded);
    }

    @PreDestroy
    protected void stopPublisher() {
        publisher.shutdown();
    }

    /** Publishes the event if, and only if, the caller's transaction commits. Returns the event id. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String publish(DomainEvent event) {
        return publish(event, Duration.ZERO);
    }

    /**
     * Like {@link #publish(DomainEvent)}, delivered no earlier than {@code delay} after the commit
     * (RocketMQ's delay levels, the next one at or above it): for timers such as "look at this
     * withdrawal's confirmations again". Only the first send is delayed: should the relay have to
     * send it, it goes at once, so a consumer of delayed events must accept an early one.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String publish(DomainEvent event, Duration delay) {
        OutboxRecord record = newRecord();
        record.fill(event, Instant.now());
        entityManager().persist(record);
        // One batch per outbox and transaction: its half messages travel together.
        OutboxBatch batch = (OutboxBatch) transactions.getResource(this);
        if (batch == null) {
            batch = new OutboxBatch(publisher, delivered::add);
            transactions.putResource(this, batch);
            transactions.registerInterposedSynchronization(batch);
        }
        batch.add(record.envelope(), RocketMqPublisher.delayLevel(delay));
        return record.eventId();
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void relay() {
        AbstractEventOutbox self = context.getBusinessObject(getClass());
        self.markSent(drainDelivered());
        for (EventEnvelope event : self.unsentBefore(Instant.now().minus(RELAY_GRACE), RELAY_BATCH)) {
            if (publisher.sendCommitted(event)) {
                delivered.add(event.eventId());
            }
        }
        self.markSent(drainDelivered());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean isRecorded(String eventId) {
        return eventId != null && entityManager().find(recordType, eventId) != null;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markSent(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (String id : eventIds) {
            OutboxRecord record = entityManager().find(recordType, id);
            if (record != null && record.sentAt() == null) {
                record.markSent(now);
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<EventEnvelope> unsentBefore(Instant cutoff, int max) {
        String jpql = "SELECT r FROM " + entityManager().getMetamodel().entity(recordType).getName()
                + " r WHERE r.sentAt IS NULL AND r.createdAt < :cutoff ORDER BY r.createdAt";
        return entityManager().createQuery(jpql, OutboxRecord.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultList().stream().map(OutboxRecord::envelope).toList();
    }

    /** For {@link OutboxHealth}: the subclasses declare the interface, so that each is a bean of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OutboxHealth.Health health() {
        String entity = entityManager().getMetamodel().entity(recordType).getName();
        // The oldest one by ordering, not MIN(): an aggregate skips the attribute's converter.
        java.time.Instant oldest = entityManager().createQuery("SELECT r.createdAt FROM " + entity + " r WHERE r.sentAt IS NULL"
                + " ORDER BY r.createdAt", java.time.Instant.class).setMaxResults(1).getResultStream().findFirst().orElse(null);
        return new OutboxHealth.Health(producerGroup, unsentCount(), oldest);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long unsentCount() {
        String jpql = "SELECT COUNT(r) FROM " + entityManager().getMetamodel().entity(recordType).getName()
                + " r WHERE r.sentAt IS NULL";
        return entityManager().createQuery(jpql, Long.class).getSingleResult();
    }

    private OutboxRecord newRecord() {
        try {
            return recordType.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(recordType + " needs a public no-argument constructor", e);
        }
    }

    private List<String> drainDelivered() {
        List<String> ids = new ArrayList<>();
        for (String id; (id = delivered.poll()) != null; ) {
            ids.add(id);
        }
        return ids;
    }
}
