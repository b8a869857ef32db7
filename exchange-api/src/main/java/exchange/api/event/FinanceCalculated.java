package exchange.api.event;

/**
 * The daily finance job finished a day (seed: 财务统计事件): its report file and how many assets did
 * not reconcile.
 */
public record FinanceCalculated(String day, int mismatches, String reportFile, String sha256, int lines)
        implements DomainEvent {
    @Override
    public String topic() {
        return Topics.FINANCE;
    }

    @Override
    public String key() {
        return day;
    }
}
