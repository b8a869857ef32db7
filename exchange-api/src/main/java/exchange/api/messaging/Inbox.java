package exchange.api.messaging;

import jakarta.persistence.EntityManager;

/** The idempotency check every consumer starts with, inside its own JTA transaction. */
public final class Inbox {
    private Inbox() {
    }

    /**
     * Records the event as processed and returns true on its first delivery; returns false on a
     * redelivery, which the caller then ignores. Two concurrent deliveries collide on the primary
     * key at commit: one rolls back and is redelivered, then finds the mark.
     */
    public static boolean firstDelivery(EntityManager em, ProcessedEvent mark) {
        if (em.find(mark.getClass(), mark.key()) != null) {
            return false;
        }
        em.persist(mark);
        return true;
    }
}
