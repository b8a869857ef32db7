package exchange.api.event;

/**
 * An engine command that did not trade (seed: 撮合失败): the order rested, expired, was
 * rejected, or a cancel took effect or found nothing.
 */
public record MatchFailed(MatchOutcome outcome) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.MATCH;
    }

    @Override
    public String key() {
        return outcome.symbol();
    }
}
