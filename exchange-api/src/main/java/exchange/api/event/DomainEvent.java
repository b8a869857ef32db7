package exchange.api.event;

/**
 * A fact one service tells the others. The simple class name is the event type and the
 * RocketMQ tag; {@link #key()} is the message key (and the ordering key where order matters).
 */
public interface DomainEvent {
    String topic();

    String key();

    default String eventType() {
        return getClass().getSimpleName();
    }
}
