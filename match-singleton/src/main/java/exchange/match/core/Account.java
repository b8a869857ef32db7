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
    /** KYC level: which trading limits apply. */
    int level;
    /** The UTC day (days since the epoch) {@link #usedToday} counts; per quote asset, in its units. */
    long usageDay = -1;
    long[] usedToday = new long[0];
    /** The user's open orders, newest first (an intrusive list through OpenOrder). */
    OpenOrder firstOpen;

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

    /** What the user's orders in this quote asset have used on this day (0 on a new day). */
    long used(int asset, long day) {
        return day != usageDay || asset >= usedToday.length ? 0 : usedToday[asset];
    }

    void use(int asset, long day, long notional) {
        if (day != usageDay) {
            usageDay = day;
            java.util.Arrays.fill(usedToday, 0);
        }
        if (asset >= usedToday.length) {
            usedToday = java.util.Arrays.copyOf(usedToday, asset + 1);
        }
        usedToday[asset] += notional;
    }

    void link(OpenOrder o) {
        o.prevOfUser = null;
        o.nextOfUser = firstOpen;
        if (firstOpen != null) {
            firstOpen.prevOfUser = o;
        }
        firstOpen = o;
    }

    void unlink(OpenOrder o) {
        if (o.prevOfUser != null) {
            o.prevOfUser.nextOfUser = o.nextOfUser;
        } else {
            firstOpen = o.nextOfUser;
        }
        if (o.nextOfUser != null) {
            o.nextOfUser.prevOfUser = o.prevOfUser;
        }
        o.prevOfUser = null;
        o.nextOfUser = null;
    }
}
