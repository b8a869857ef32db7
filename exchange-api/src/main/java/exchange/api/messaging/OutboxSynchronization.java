package exchange.api.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ties one event's half message to one JTA transaction: the half message goes to the broker just
 * before the commit, and is committed or rolled back with the transaction. A broker that is down
 * never fails the business transaction; the outbox row stays unsent and the relay publishes it.
 */
final class OutboxSynchronization implements Synchronization {
    private static final Logger LOG = Logger.getLogger(OutboxSynchronization.class.getName());

    private final RocketMqPublisher publisher;
    private final EventEnvelope event;
    private final Consumer<String> sent;
    private RocketMqPublisher.Half half;

    OutboxSynchronization(RocketMqPublisher publisher, EventEnvelope event, Consumer<String> sent) {
        this.publisher = publisher;
        this.event = event;
        this.sent = sent;
    }

    @Override
    public void beforeCompletion() {
        try {
            half = publisher.sendHalf(event);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Broker unavailable for event {0}; the outbox relay will publish it: {1}",
                    new Object[] {event.eventId(), e.toString()});
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (half == null) {
            return;
        }
        boolean committed = status == Status.STATUS_COMMITTED;
        try {
            publisher.end(half, committed);
            if (committed) {
                sent.accept(event.eventId());
            }
        } catch (Exception e) {
            // The broker will ask back; the outbox row (or its absence) answers.
            LOG.log(Level.WARNING, "Could not end half message for event " + event.eventId(), e);
        }
    }
}
