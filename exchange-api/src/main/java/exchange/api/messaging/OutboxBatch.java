package exchange.api.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ties the events one service published in one JTA transaction to that transaction's outcome:
 * just before the commit their half messages go to the broker together (one round trip, not one
 * per event), and after it they are committed or rolled back with the transaction. A broker that
 * is slow or down never fails the business transaction: what was not stored stays unsent in the
 * outbox and the relay publishes it.
 */
final class OutboxBatch implements Synchronization {
    private static final Logger LOG = Logger.getLogger(OutboxBatch.class.getName());
    private static final long SEND_WAIT_MILLIS = 3000;

    private final RocketMqPublisher publisher;
    private final Consumer<String> delivered;
    private final List<EventEnvelope> events = new ArrayList<>(4);
    private final List<RocketMqPublisher.Half> halves = new ArrayList<>(4);
    private final List<String> halfEventIds = new ArrayList<>(4);
    /** Sent plainly after the commit: the broker delays a message only when it is stored as such. */
    private final List<EventEnvelope> delayed = new ArrayList<>(1);
    private final List<Integer> delayLevels = new ArrayList<>(1);

    OutboxBatch(RocketMqPublisher publisher, Consumer<String> delivered) {
        this.publisher = publisher;
        this.delivered = delivered;
    }

    void add(EventEnvelope event, int delayLevel) {
        if (delayLevel > 0) {
            delayed.add(event);
            delayLevels.add(delayLevel);
        } else {
            events.add(event);
        }
    }

    @Override
    public void beforeCompletion() {
        List<CompletableFuture<RocketMqPublisher.Half>> sends = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            sends.add(publisher.sendHalf(event));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SEND_WAIT_MILLIS);
        for (int i = 0; i < sends.size(); i++) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                halves.add(sends.get(i).get(left, TimeUnit.NANOSECONDS));
                halfEventIds.add(events.get(i).eventId());
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Broker unavailable for event {0}; the outbox relay will publish it: {1}",
                        new Object[] {events.get(i).eventId(), e.toString()});
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        boolean committed = status == Status.STATUS_COMMITTED;
        for (int i = 0; i < halves.size(); i++) {
            try {
                publisher.end(halves.get(i), committed);
                if (committed) {
                    delivered.accept(halfEventIds.get(i));
                }
            } catch (Exception e) {
                // The broker will ask back; the outbox row (or its absence) answers.
                LOG.log(Level.WARNING, "Could not end half message for event " + halfEventIds.get(i), e);
            }
        }
        for (int i = 0; committed && i < delayed.size(); i++) {
            if (publisher.sendCommitted(delayed.get(i), delayLevels.get(i))) {
                delivered.accept(delayed.get(i).eventId());
            }
        }
    }
}
