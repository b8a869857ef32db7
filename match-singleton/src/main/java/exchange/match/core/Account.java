package exchange.match.core;

/**
 * One user's money as the core holds it: per asset id, what is available and what is frozen for
 * open orders and withdrawals, in the asset's engine units. Never negative: every decrease is
 * checked against these before anything changes. Fee rates of the user's tier, when they differ
 * from the market's (negative: the market's).
 */
final class Account {
    final long userId;
    long[] available;
    long[] frozen;
    long makerRate = -1;
    long takerRate = -1;

    Account(long userId, int assets) {
        this.userId = userId;
        this.available = new long[Math.max(assets, 1)];
        this.frozen = new long[Math.max(assets, 1)];
    }

    /** Grows the arrays to hold asset {@code asset} (assets are added while the core runs). */
    void ensure(int asset) {
        if (asset >= available.length) {
            int n = Math.max(asset + 1, available.length * 2);
            available = java.util.Arrays.copyOf(available, n);
            frozen = java.util.Arrays.copyOf(frozen, n);
        }
    }

    long available(int asset) {
        return asset < available.length ? available[asset] : 0;
    }

    long frozen(int asset) {
        return asset < frozen.length ? frozen[asset] : 0;
    }
}
