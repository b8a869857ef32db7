package exchange.api.event;

/** An engine command that traded (seed: 撮合成功). */
public record MatchSuccess(MatchOutcome outcome) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.MATCH;
    }

    @Override
    public String key() {
        return outcome.symbol();
    }
}
