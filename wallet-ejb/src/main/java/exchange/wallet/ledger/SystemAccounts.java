package exchange.wallet.ledger;

/** The exchange's own accounts, one per asset each, on the other side of user balances. */
public final class SystemAccounts {
    /** Operators' credits and debits. */
    public static final long ADJUSTMENTS = -1;
    /** Trading fee income. */
    public static final long FEES = -2;
    /** Funds that arrived from the chains. */
    public static final long DEPOSITS = -3;
    /** Funds that left for the chains (withdrawals completed). */
    public static final long WITHDRAWALS = -4;

    private SystemAccounts() {
    }
}
