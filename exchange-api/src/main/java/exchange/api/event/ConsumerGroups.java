package exchange.api.event;

/** The seed's consumer groups (4.2.3); each service consumes under its own group. */
public final class ConsumerGroups {
    public static final String USER = "user-service-group";
    public static final String TRADE = "trade-service-group";
    public static final String WALLET = "wallet-service-group";
    public static final String MATCH = "match-service-group";
    public static final String FINANCE = "finance-service-group";
    /** Finance's risk control: deposits and lock-outs checked against the rules. */
    public static final String RISK = "risk-service-group";
    /** Pushes to WebSocket clients: consumed by broadcast, every node its own copy. */
    public static final String NOTIFY = "notify-service-group";

    private ConsumerGroups() {
    }
}
