package exchange.api.event;

/** The seed's event queues (4.2.2), one RocketMQ topic each. */
public final class Topics {
    public static final String USER = "user-events";
    public static final String TRADE = "trade-events";
    public static final String WALLET = "wallet-events";
    public static final String MATCH = "match-events";
    public static final String FINANCE = "finance-events";
    public static final String SYSTEM = "system-events";

    public static final String[] ALL = {USER, TRADE, WALLET, MATCH, FINANCE, SYSTEM};

    private Topics() {
    }
}
