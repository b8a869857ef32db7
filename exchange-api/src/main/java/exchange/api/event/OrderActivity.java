package exchange.api.event;

import java.util.List;

/**
 * What happened to orders in one stretch of the matching engine's journal (commands
 * {@code fromSequence} up to {@code toSequence}, exclusive), as the trade projection recorded it:
 * the orders accepted, each side of each trade, the orders that traded and stayed open, and the
 * orders that ended. One message instead of several per trade. Read in this order (created,
 * executions, partially filled, filled, cancelled), one order's events keep theirs.
 */
public record OrderActivity(long fromSequence, long toSequence, List<OrderCreated> created,
                            List<TradeFeeCalculated> executions, List<OrderPartiallyFilled> partiallyFilled,
                            List<OrderFilled> filled, List<OrderCancelled> cancelled) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.TRADE;
    }

    @Override
    public String key() {
        return "engine-" + fromSequence;
    }

    /** Every event in reading order, each as if it had been published alone. */
    public List<DomainEvent> events() {
        List<DomainEvent> all = new java.util.ArrayList<>(size());
        all.addAll(orEmpty(created));
        all.addAll(orEmpty(executions));
        all.addAll(orEmpty(partiallyFilled));
        all.addAll(orEmpty(filled));
        all.addAll(orEmpty(cancelled));
        return all;
    }

    public int size() {
        return orEmpty(created).size() + orEmpty(executions).size() + orEmpty(partiallyFilled).size()
                + orEmpty(filled).size() + orEmpty(cancelled).size();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list != null ? list : List.of();
    }
}
