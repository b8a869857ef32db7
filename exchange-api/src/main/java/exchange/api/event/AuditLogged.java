package exchange.api.event;

/** An operator acted (seed: 审计日志事件): who, what, on which subject. */
public record AuditLogged(long actionId, String operator, String action, String subject) implements DomainEvent {
    @Override
    public String topic() {
        return Topics.FINANCE;
    }

    @Override
    public String key() {
        return subject;
    }
}
