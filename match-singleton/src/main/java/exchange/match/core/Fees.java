package exchange.match.core;

/**
 * Rates as integer parts of {@link #ONE} (1e-8 resolution: 0.1% is 100 000), and the one
 * multiplication the core needs for them, done so that it cannot overflow: a fee is at most the
 * amount it is taken from.
 */
public final class Fees {
    public static final long ONE = 100_000_000L;

    private Fees() {
    }

    /**
     * {@code amount x rate / ONE}, rounded half up, for {@code 0 <= amount} and {@code 0 <= rate <= ONE}.
     * Split at ONE so no intermediate passes {@code amount}: (a / ONE) x rate is at most a, and
     * (a % ONE) x rate is below 1e16.
     */
    public static long of(long amount, long rate) {
        return (amount / ONE) * rate + ((amount % ONE) * rate + ONE / 2) / ONE;
    }

    /** {@code amount x rate / ONE} rounded down, same bounds. */
    static long floor(long amount, long rate) {
        return (amount / ONE) * rate + (amount % ONE) * rate / ONE;
    }
}
