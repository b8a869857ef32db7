package exchange.api.event;

/**
 * A risk rule hit (seed: 风控触发事件): what it was about (a WITHDRAWAL, DEPOSIT or LOGIN and its
 * id), and whether it holds (HOLD) or only tells (ALERT).
 */
public record RiskTriggered(long findingId, String ruleCode, long userId, String subjectType, String subjectId,
                            String action, String detail) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.FINANCE;
    }

    @Override
    public String key() {
        return Long.toString(userId);
    }
}
