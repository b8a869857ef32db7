package exchange.match.core;

import exchange.match.book.DoneReason;
import exchange.match.book.MatchListener;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * The exchange's sequenced state, applied one command at a time: the books, every user's
 * available and frozen balance per asset, and the funds each open order holds. Pure: no I/O, no
 * clock, no threads, no service calls; its whole output goes through one {@link CoreOutput}, and
 * the same commands in the same order produce the same calls and the same {@link #stateHash()}.
 * The host journals commands before they reach it, so this state is always a replay away.
 *
 * <p>Funds are held before matching and released after, as in exchange-core's risk engine: an
 * order is accepted only if its owner has what it may spend available; that moves to frozen, a
 * fill pays out of it, and whatever the order no longer needs goes back when it ends.
 *
 * <p>Amounts are whole units of each asset (the host converts decimals at its edge). Every
 * product the core forms is proven to fit: an asset's supply (everything all accounts hold of it)
 * never passes {@link #MAX_SUPPLY}, so no balance, and no sum of two, can overflow; a hold that
 * does not fit a long is rejected as {@link ResultCode#OUT_OF_RANGE}; fills and fees are never
 * larger than the holds they are paid from.
 *
 * <p>Single-threaded: one thread applies commands and reads state.
 */
public final class TradingCore {
    /** The exchange's fee income account (the wallet's system account of the same id). */
    public static final long FEE_ACCOUNT = -2;
    /** 1e18: the most units of one asset, summed over all accounts, the core accepts. */
    public static final long MAX_SUPPLY = 1_000_000_000_000_000_000L;
    /** The largest price (ticks), quantity (lots) or quote budget an order may carry. */
    public static final long MAX_UNITS = 1_000_000_000_000_000_000L;

    private final CoreOutput out;
    private final LongObjectHashMap<Account> accounts = new LongObjectHashMap<>(1 << 12);
    private final LongObjectHashMap<OpenOrder> orders = new LongObjectHashMap<>(1 << 14);
    private final Map<Long, WithdrawalHold> withdrawals = new HashMap<>();
    /**
     * The business ids of every deposit, adjustment and withdrawal ever applied: the wallet may ask
     * twice (its transaction rolled back after the engine answered, or a retry after a timeout), and
     * the second time must change nothing. Kept whole, not windowed: these are few beside orders.
     */
    private final org.eclipse.collections.impl.set.mutable.primitive.LongHashSet depositIds =
            new org.eclipse.collections.impl.set.mutable.primitive.LongHashSet();
    private final org.eclipse.collections.impl.set.mutable.primitive.LongHashSet adjustmentIds =
            new org.eclipse.collections.impl.set.mutable.primitive.LongHashSet();
    private final org.eclipse.collections.impl.set.mutable.primitive.LongHashSet withdrawalIds =
            new org.eclipse.collections.impl.set.mutable.primitive.LongHashSet();
    private Market[] markets = new Market[8];
    private long[] supply = new long[8];
    private boolean[] assets = new boolean[8];
    private final Matching matching = new Matching();
    private OpenOrder free;
    /** Epoch milliseconds of the command being applied: the sequencer's clock, journaled with it. */
    private long now;
    private long lastOrderId;
    /** (level, quote asset) -> {largest order, daily amount} in the quote asset's units. */
    private final LongObjectHashMap<long[]> levelLimits = new LongObjectHashMap<>();
    /** "user/clientOrderId" -> order id, for the newest {@link #CLIENT_IDS_KEPT} placed orders that named one. */
    private final Map<String, Long> clientIds = new HashMap<>();
    private final java.util.ArrayDeque<String> clientIdOrder = new java.util.ArrayDeque<>();
    /** How many clientOrderIds are remembered: a retry of any of them is answered, not placed again. */
    public static final int CLIENT_IDS_KEPT = 1_000_000;
    private static final long DAY_MILLIS = 86_400_000L;

    private record WithdrawalHold(long userId, int asset, long amount) {
    }

    public TradingCore(CoreOutput out) {
        this.out = out;
    }

    // ---------------------------------------------------------------- reference data

    public ResultCode addAsset(int asset) {
        if (asset < 0 || asset > 1 << 16) {
            return reject(0, 0, ResultCode.OUT_OF_RANGE);
        }
        if (asset >= assets.length) {
            int n = Math.max(asset + 1, assets.length * 2);
            assets = java.util.Arrays.copyOf(assets, n);
            supply = java.util.Arrays.copyOf(supply, n);
        }
        if (assets[asset]) {
            return reject(0, 0, ResultCode.ALREADY_DEFINED);
        }
        assets[asset] = true;
        return ResultCode.ACCEPTED;
    }

    /**
     * A new market, arriving as a command (the core never looks one up). Rates are parts of
     * {@link Fees#ONE}, at most one whole.
     */
    public ResultCode addMarket(int id, int base, int quote, long baseUnitsPerLot, long quoteUnitsPerTickLot,
                                long makerRate, long takerRate, long marketBuyMargin) {
        if (id < 0 || id > 1 << 20) {
            return reject(0, 0, ResultCode.OUT_OF_RANGE);
        }
        if (!asset(base) || !asset(quote) || base == quote) {
            return reject(0, 0, ResultCode.UNKNOWN_ASSET);
        }
        if (baseUnitsPerLot <= 0 || quoteUnitsPerTickLot <= 0 || !rate(makerRate) || !rate(takerRate)
                || marketBuyMargin < 0 || marketBuyMargin > Fees.ONE) {
            return reject(0, 0, ResultCode.OUT_OF_RANGE);
        }
        if (id >= markets.length) {
            markets = java.util.Arrays.copyOf(markets, Math.max(id + 1, markets.length * 2));
        }
        if (markets[id] != null) {
            return reject(0, 0, ResultCode.ALREADY_DEFINED);
        }
        markets[id] = new Market(id, base, quote, baseUnitsPerLot, quoteUnitsPerTickLot, makerRate, takerRate,
                marketBuyMargin);
        return ResultCode.ACCEPTED;
    }

    /** A halted market takes cancels, not orders. */
    public ResultCode haltMarket(int id, boolean halted) {
        Market m = market(id);
        if (m == null) {
            return reject(0, 0, ResultCode.UNKNOWN_MARKET);
        }
        m.halted = halted;
        return ResultCode.ACCEPTED;
    }

    public ResultCode setMarketFees(int id, long makerRate, long takerRate) {
        Market m = market(id);
        if (m == null) {
            return reject(0, 0, ResultCode.UNKNOWN_MARKET);
        }
        if (!rate(makerRate) || !rate(takerRate)) {
            return reject(0, 0, ResultCode.OUT_OF_RANGE);
        }
        m.makerRate = makerRate;
        m.takerRate = takerRate;
        return ResultCode.ACCEPTED;
    }

    /** A user's fee tier; negative rates go back to each market's own. */
    public ResultCode setUserFees(long userId, long makerRate, long takerRate) {
        if (userId <= 0) {
            return reject(0, userId, ResultCode.INVALID_COMMAND);
        }
        if (makerRate > Fees.ONE || takerRate > Fees.ONE) {
            return reject(0, userId, ResultCode.OUT_OF_RANGE);
        }
        Account a = account(userId);
        a.makerRate = makerRate < 0 ? -1 : makerRate;
        a.takerRate = takerRate < 0 ? -1 : takerRate;
        return ResultCode.ACCEPTED;
    }

    /**
     * The time of the commands that follow (epoch milliseconds), as the sequencer stamped them in
     * the journal: the core reads no clock, so a replay decides the day's limits as the original did.
     */
    public void setTime(long epochMillis) {
        now = epochMillis;
    }

    /**
     * A KYC level's trading limits in a quote asset, in its units: the largest order's notional and
     * what one UTC day's orders may add up to. Negative: the level cannot trade in that asset.
     * Limits are in force once any is defined; from then a level with no entry for a quote asset
     * cannot trade in it.
     */
    public ResultCode setLevelLimits(int level, int quoteAsset, long orderMax, long dailyMax) {
        if (level < 0 || level > 255) {
            return reject(0, 0, ResultCode.OUT_OF_RANGE);
        }
        if (!asset(quoteAsset)) {
            return reject(0, 0, ResultCode.UNKNOWN_ASSET);
        }
        if (orderMax < 0 || dailyMax < 0) {
            levelLimits.remove(limitKey(level, quoteAsset));
        } else {
            levelLimits.put(limitKey(level, quoteAsset), new long[] {orderMax, dailyMax});
        }
        return ResultCode.ACCEPTED;
    }

    /** A user's KYC level (0 until set). */
    public ResultCode setUserLevel(long userId, int level) {
        if (userId <= 0) {
            return reject(0, userId, ResultCode.INVALID_COMMAND);
        }
        if (level < 0 || level > 255) {
            return reject(0, userId, ResultCode.OUT_OF_RANGE);
        }
        account(userId).level = level;
        return ResultCode.ACCEPTED;
    }

    private static long limitKey(int level, int asset) {
        return ((long) level << 32) | asset;
    }

    // ---------------------------------------------------------------- wallet commands

    /** Money in: a confirmed deposit credited once (the journal's command id makes it once). */
    public ResultCode deposit(long userId, int asset, long amount, long ref) {
        ResultCode bad = checkMoney(userId, asset, amount);
        if (bad != null) {
            return reject(ref, userId, bad);
        }
        if (depositIds.contains(ref)) {
            return reject(ref, userId, ResultCode.DUPLICATE_DEPOSIT);
        }
        if (amount > MAX_SUPPLY - supply[asset]) {
            return reject(ref, userId, ResultCode.SUPPLY_LIMIT);
        }
        depositIds.add(ref);
        supply[asset] += amount;
        Account a = account(userId);
        a.ensure(asset);
        a.available[asset] += amount;
        out.balanceChanged(userId, asset, amount, 0, BalanceCause.DEPOSIT, ref);
        return ResultCode.ACCEPTED;
    }

    /** An operator's correction: positive like a deposit, negative only out of what is available. */
    public ResultCode adjust(long userId, int asset, long delta, long ref) {
        if (delta == Long.MIN_VALUE) {
            return reject(ref, userId, ResultCode.OUT_OF_RANGE);
        }
        ResultCode bad = checkMoney(userId, asset, Math.abs(delta));
        if (bad != null) {
            return reject(ref, userId, bad);
        }
        if (adjustmentIds.contains(ref)) {
            return reject(ref, userId, ResultCode.DUPLICATE_ADJUSTMENT);
        }
        if (delta > 0 && delta > MAX_SUPPLY - supply[asset]) {
            return reject(ref, userId, ResultCode.SUPPLY_LIMIT);
        }
        Account a = accounts.get(userId);
        if (delta < 0 && (a == null || a.available(asset) < -delta)) {
            return reject(ref, userId, ResultCode.INSUFFICIENT_FUNDS);
        }
        if (a == null) {
            a = account(userId);
        }
        adjustmentIds.add(ref);
        a.ensure(asset);
        a.available[asset] += delta;
        supply[asset] += delta;
        out.balanceChanged(userId, asset, delta, 0, BalanceCause.ADJUSTMENT, ref);
        return ResultCode.ACCEPTED;
    }

    /** A withdrawal applied for: its amount (fee included) frozen until it is sent or given back. */
    public ResultCode freezeWithdrawal(long withdrawalId, long userId, int asset, long amount) {
        ResultCode bad = checkMoney(userId, asset, amount);
        if (bad != null) {
            return reject(withdrawalId, userId, bad);
        }
        if (withdrawalIds.contains(withdrawalId)) {
            return reject(withdrawalId, userId, ResultCode.DUPLICATE_WITHDRAWAL);
        }
        Account a = accounts.get(userId);
        if (a == null || a.available(asset) < amount) {
            return reject(withdrawalId, userId, ResultCode.INSUFFICIENT_FUNDS);
        }
        a.available[asset] -= amount;
        a.frozen[asset] += amount;
        withdrawalIds.add(withdrawalId);
        withdrawals.put(withdrawalId, new WithdrawalHold(userId, asset, amount));
        out.balanceChanged(userId, asset, -amount, amount, BalanceCause.WITHDRAWAL_FREEZE, withdrawalId);
        return ResultCode.ACCEPTED;
    }

    /** A withdrawal refused or canceled: its frozen amount back to available, once. */
    public ResultCode releaseWithdrawal(long withdrawalId) {
        WithdrawalHold w = withdrawals.remove(withdrawalId);
        if (w == null) {
            return reject(withdrawalId, 0, ResultCode.UNKNOWN_WITHDRAWAL);
        }
        Account a = accounts.get(w.userId);
        a.frozen[w.asset] -= w.amount;
        a.available[w.asset] += w.amount;
        out.balanceChanged(w.userId, w.asset, w.amount, -w.amount, BalanceCause.WITHDRAWAL_RELEASE, withdrawalId);
        return ResultCode.ACCEPTED;
    }

    /** A withdrawal sent: its frozen amount leaves the exchange, once. */
    public ResultCode completeWithdrawal(long withdrawalId) {
        WithdrawalHold w = withdrawals.remove(withdrawalId);
        if (w == null) {
            return reject(withdrawalId, 0, ResultCode.UNKNOWN_WITHDRAWAL);
        }
        Account a = accounts.get(w.userId);
        a.frozen[w.asset] -= w.amount;
        supply[w.asset] -= w.amount;
        out.balanceChanged(w.userId, w.asset, 0, -w.amount, BalanceCause.WITHDRAWAL_COMPLETE, withdrawalId);
        return ResultCode.ACCEPTED;
    }

    private ResultCode checkMoney(long userId, int asset, long amount) {
        if (userId <= 0) {
            return ResultCode.INVALID_COMMAND;
        }
        if (!asset(asset)) {
            return ResultCode.UNKNOWN_ASSET;
        }
        if (amount <= 0 || amount > MAX_SUPPLY) {
            return ResultCode.OUT_OF_RANGE;
        }
        return null;
    }

    // ---------------------------------------------------------------- orders

    /**
     * Places an order: checked, its funds held, matched, and what it no longer needs released.
     *
     * @param price   limit price in ticks (LIMIT, LIMIT_MAKER; ignored for MARKET and MARKET_QUOTE)
     * @param reserve for a buy limit, the price in ticks its funds are held at (0: its limit price);
     *                a move may not take it higher. Ignored for other orders.
     * @param lots    quantity in lots (ignored for MARKET_QUOTE)
     * @param budget  for a MARKET_QUOTE buy, what it may spend, in tick x lot units
     */
    public ResultCode place(long orderId, long userId, int marketId, Side side, OrderType type, TimeInForce tif,
                            long price, long reserve, long lots, long budget, SelfTradePrevention stp) {
        return place(orderId, userId, marketId, side, type, tif, price, reserve, lots, budget, stp, null);
    }

    /**
     * @param clientOrderId the client's own name for the order, or null: a second order of the same
     *                      user with a name still remembered is refused ({@link ResultCode#DUPLICATE_CLIENT_ORDER_ID}),
     *                      so a retried request is placed once ({@link #orderIdOf} finds the first)
     */
    public ResultCode place(long orderId, long userId, int marketId, Side side, OrderType type, TimeInForce tif,
                            long price, long reserve, long lots, long budget, SelfTradePrevention stp, String clientOrderId) {
        if (orderId > lastOrderId) {
            lastOrderId = orderId;
        }
        Market m = market(marketId);
        if (m == null) {
            return reject(orderId, userId, ResultCode.UNKNOWN_MARKET);
        }
        if (m.halted) {
            return reject(orderId, userId, ResultCode.MARKET_HALTED);
        }
        if (userId <= 0 || side == null || type == null || tif == null || stp == null
                || type == OrderType.MARKET_QUOTE && side != Side.BUY) {
            return reject(orderId, userId, ResultCode.INVALID_COMMAND);
        }
        boolean byQuote = type == OrderType.MARKET_QUOTE;
        boolean limit = type == OrderType.LIMIT || type == OrderType.LIMIT_MAKER;
        if (byQuote ? budget <= 0 || budget > MAX_UNITS
                : lots <= 0 || lots > MAX_UNITS || limit && (price <= 0 || price > MAX_UNITS)) {
            return reject(orderId, userId, ResultCode.OUT_OF_RANGE);
        }
        if (orders.containsKey(orderId)) {
            return reject(orderId, userId, ResultCode.DUPLICATE_ORDER_ID);
        }
        String clientKey = clientOrderId == null ? null : userId + "/" + clientOrderId;
        if (clientKey != null && clientIds.containsKey(clientKey)) {
            return reject(orderId, userId, ResultCode.DUPLICATE_CLIENT_ORDER_ID);
        }
        // A market order meets whatever rests: with nothing on the other side it cannot be priced.
        if (!limit && m.book.oppositeEmpty(side)) {
            return reject(orderId, userId, ResultCode.NO_LIQUIDITY);
        }
        if (type == OrderType.MARKET && side == Side.BUY) {
            // Priced here, from this book: the worst level it needs plus the market's margin, so it
            // holds quantity x that and never pays more. Then it is an IOC limit at that price.
            long worst = m.book.priceToFill(Side.BUY, lots);
            price = Math.min(MAX_UNITS, worst + Fees.floor(worst, m.marketBuyMargin));
            type = OrderType.LIMIT;
            tif = TimeInForce.IOC;
            limit = true;
        }
        long held;
        int asset;
        long perLot = 0;
        if (side == Side.SELL) {
            asset = m.base;
            held = multiply(lots, m.baseUnitsPerLot);
        } else if (byQuote) {
            asset = m.quote;
            held = multiply(budget, m.quoteUnitsPerTickLot);
        } else {
            asset = m.quote;
            perLot = reserve <= 0 ? price : reserve;
            if (perLot < price || perLot > MAX_UNITS) {
                return reject(orderId, userId, ResultCode.OUT_OF_RANGE);
            }
            held = multiply(multiply(perLot, lots), m.quoteUnitsPerTickLot);
        }
        if (held < 0) {
            return reject(orderId, userId, ResultCode.OUT_OF_RANGE);
        }
        Account a = accounts.get(userId);
        long notional = 0;
        long day = Math.floorDiv(now, DAY_MILLIS);
        if (!levelLimits.isEmpty()) {
            // A buy counts what it may spend; a sell what it asks, a market sell at the best bid.
            notional = side == Side.BUY ? held : multiply(multiply(limit ? price
                    : m.book.priceToFill(Side.SELL, 1), lots), m.quoteUnitsPerTickLot);
            if (notional < 0) {
                return reject(orderId, userId, ResultCode.OUT_OF_RANGE);
            }
            long[] allowed = levelLimits.get(limitKey(a == null ? 0 : a.level, m.quote));
            if (allowed == null || notional > allowed[0]
                    || notional > allowed[1] - (a == null ? 0 : a.used(m.quote, day))) {
                return reject(orderId, userId, ResultCode.TRADING_LIMIT);
            }
        }
        if (a == null || a.available(asset) < held) {
            return reject(orderId, userId, ResultCode.INSUFFICIENT_FUNDS);
        }
        if (notional > 0) {
            a.use(m.quote, day, notional);
        }
        a.available[asset] -= held;
        a.frozen[asset] += held;
        OpenOrder o = newOrder();
        o.id = orderId;
        o.account = a;
        o.market = m;
        o.side = side;
        o.reserve = perLot;
        o.held = held;
        o.type = type;
        o.tif = tif;
        o.price = limit ? price : 0;
        o.lots = byQuote ? 0 : lots;
        o.budget = byQuote ? budget : 0;
        o.executed = 0;
        o.quoteFilled = 0;
        o.clientOrderId = clientOrderId;
        o.createdAt = now;
        orders.put(orderId, o);
        a.link(o);
        if (clientKey != null) {
            rememberClientId(clientKey, orderId);
        }
        out.balanceChanged(userId, asset, -held, held, BalanceCause.ORDER_HOLD, orderId);
        out.orderAccepted(orderId, userId, marketId, side, asset, held);
        matching.run(m, o);
        m.book.place(orderId, userId, side, type, tif, price, lots, budget, stp, matching);
        matching.taker = null;
        return ResultCode.ACCEPTED;
    }

    public ResultCode cancel(long orderId, long userId) {
        OpenOrder o = orders.get(orderId);
        if (o == null || o.account.userId != userId) {
            return reject(orderId, userId, ResultCode.UNKNOWN_ORDER);
        }
        matching.run(o.market, null);
        o.market.book.cancel(orderId, userId, matching);
        return ResultCode.ACCEPTED;
    }

    /**
     * Moves a resting order to a new price (it may trade there, and loses its time priority, as
     * exchange-core's move). A buy may not move above the price its funds are held at.
     */
    public ResultCode move(long orderId, long userId, long newPrice) {
        OpenOrder o = orders.get(orderId);
        if (o == null || o.account.userId != userId) {
            return reject(orderId, userId, ResultCode.UNKNOWN_ORDER);
        }
        if (newPrice <= 0 || newPrice > MAX_UNITS) {
            return reject(orderId, userId, ResultCode.OUT_OF_RANGE);
        }
        if (o.side == Side.BUY && newPrice > o.reserve) {
            return reject(orderId, userId, ResultCode.MOVE_ABOVE_RESERVE);
        }
        matching.run(o.market, o);
        o.market.book.move(orderId, userId, newPrice, matching);
        matching.taker = null;
        return ResultCode.ACCEPTED;
    }

    /**
     * Turns the book's results into money: each fill pays both sides out of what their orders
     * hold, net of fees, and an order that ends gives back what it still holds.
     */
    private final class Matching implements MatchListener {
        Market market;
        OpenOrder taker;

        void run(Market m, OpenOrder taker) {
            m.commands++;
            this.market = m;
            this.taker = taker;
        }

        private OpenOrder find(long orderId) {
            OpenOrder t = taker;
            return t != null && t.id == orderId ? t : orders.get(orderId);
        }

        @Override
        public void trade(long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                          long price, long lots) {
            Market m = market;
            OpenOrder maker = orders.get(makerOrderId);
            OpenOrder tk = find(takerOrderId);
            boolean takerBuys = takerSide == Side.BUY;
            OpenOrder buy = takerBuys ? tk : maker;
            OpenOrder sell = takerBuys ? maker : tk;
            long quote = price * lots * m.quoteUnitsPerTickLot; // at most what the buy holds
            long base = lots * m.baseUnitsPerLot; // exactly what the sell holds for these lots
            long buyerFee = Fees.of(base, rate(buy.account, m, !takerBuys));
            long sellerFee = Fees.of(quote, rate(sell.account, m, takerBuys));
            long tradeId = ++m.lastTradeId;
            out.trade(m.id, tradeId, makerOrderId, makerUserId, takerOrderId, takerUserId, takerSide, price, lots,
                    buyerFee, sellerFee);

            buy.executed += lots;
            buy.quoteFilled += quote;
            sell.executed += lots;
            sell.quoteFilled += quote;
            Account b = buy.account;
            b.ensure(m.base);
            b.frozen[m.quote] -= quote;
            buy.held -= quote;
            out.balanceChanged(b.userId, m.quote, 0, -quote, BalanceCause.TRADE, tradeId);
            if (buy.reserve > price) {
                // Held at the reserve, paid at the maker's price: the difference is free again now.
                long back = (buy.reserve - price) * lots * m.quoteUnitsPerTickLot;
                b.frozen[m.quote] -= back;
                b.available[m.quote] += back;
                buy.held -= back;
                out.balanceChanged(b.userId, m.quote, back, -back, BalanceCause.ORDER_RELEASE, buy.id);
            }
            b.available[m.base] += base - buyerFee;
            out.balanceChanged(b.userId, m.base, base - buyerFee, 0, BalanceCause.TRADE, tradeId);

            Account s = sell.account;
            s.ensure(m.quote);
            s.frozen[m.base] -= base;
            sell.held -= base;
            out.balanceChanged(s.userId, m.base, 0, -base, BalanceCause.TRADE, tradeId);
            s.available[m.quote] += quote - sellerFee;
            out.balanceChanged(s.userId, m.quote, quote - sellerFee, 0, BalanceCause.TRADE, tradeId);

            if (buyerFee > 0 || sellerFee > 0) {
                Account fees = account(FEE_ACCOUNT);
                fees.ensure(Math.max(m.base, m.quote));
                if (buyerFee > 0) {
                    fees.available[m.base] += buyerFee;
                    out.balanceChanged(FEE_ACCOUNT, m.base, buyerFee, 0, BalanceCause.TRADE_FEE, tradeId);
                }
                if (sellerFee > 0) {
                    fees.available[m.quote] += sellerFee;
                    out.balanceChanged(FEE_ACCOUNT, m.quote, sellerFee, 0, BalanceCause.TRADE_FEE, tradeId);
                }
            }
        }

        @Override
        public void rested(long orderId, long userId, Side side, long price, long remaining) {
            find(orderId).price = price; // a move rests the order at its new price
            out.rested(orderId, userId, market.id, side, price, remaining);
        }

        @Override
        public void done(long orderId, long userId, DoneReason reason, long remaining) {
            OpenOrder o = find(orderId);
            if (o.held > 0) {
                int asset = o.side == Side.SELL ? o.market.base : o.market.quote;
                Account a = o.account;
                a.frozen[asset] -= o.held;
                a.available[asset] += o.held;
                out.balanceChanged(userId, asset, o.held, -o.held, BalanceCause.ORDER_RELEASE, orderId);
            }
            orders.remove(orderId);
            o.account.unlink(o);
            out.done(orderId, userId, market.id, reason, remaining);
            o.account = null;
            o.clientOrderId = null;
            o.market = null;
            o.nextFree = free;
            free = o;
            if (o == taker) {
                taker = null;
            }
        }
    }

    private static long rate(Account a, Market m, boolean maker) {
        long own = maker ? a.makerRate : a.takerRate;
        return own >= 0 ? own : maker ? m.makerRate : m.takerRate;
    }

    // ---------------------------------------------------------------- reads (same thread)

    public long available(long userId, int asset) {
        Account a = accounts.get(userId);
        return a == null ? 0 : a.available(asset);
    }

    public long frozen(long userId, int asset) {
        Account a = accounts.get(userId);
        return a == null ? 0 : a.frozen(asset);
    }

    /** Everything all accounts hold of the asset: deposits and adjustments minus completed withdrawals. */
    public long supply(int asset) {
        return asset >= 0 && asset < supply.length ? supply[asset] : 0;
    }

    /** What an open order still holds frozen, or -1 when it is not open. */
    public long held(long orderId) {
        OpenOrder o = orders.get(orderId);
        return o == null ? -1 : o.held;
    }

    public int openOrders() {
        return orders.size();
    }

    /** The newest order id the core has seen: the sequencer numbers new orders after it. */
    /**
     * Order ids up to {@code upTo} are taken (by orders placed before the journal began): new orders
     * are numbered above them.
     */
    public ResultCode reserveOrderIds(long upTo) {
        if (upTo < 0) {
            return reject(0, 0, ResultCode.OUT_OF_RANGE);
        }
        lastOrderId = Math.max(lastOrderId, upTo);
        return ResultCode.ACCEPTED;
    }

    /** The market's status and fee rates as {halted ? 1 : 0, maker, taker}; null for an unknown market. */
    public long[] marketTerms(int marketId) {
        Market m = market(marketId);
        return m == null ? null : new long[] {m.halted ? 1 : 0, m.makerRate, m.takerRate};
    }

    /** How many commands have reached the market's book; 0 for an unknown market. */
    public long marketSequence(int marketId) {
        Market m = market(marketId);
        return m == null ? 0 : m.commands;
    }

    /** The market's last trade id (trades are numbered per market from 1). */
    public long lastTradeId(int marketId) {
        Market m = market(marketId);
        return m == null ? 0 : m.lastTradeId;
    }

    public long lastOrderId() {
        return lastOrderId;
    }

    /** The order a user placed under this clientOrderId (while it is remembered), or -1. */
    public long orderIdOf(long userId, String clientOrderId) {
        Long id = clientIds.get(userId + "/" + clientOrderId);
        return id == null ? -1 : id;
    }

    /** An open order as it stands: what an answer or a read of open orders reports. */
    public record OrderState(long orderId, long userId, int market, Side side, OrderType type, TimeInForce tif,
                             long price, long lots, long budget, long executed, long quoteFilled, long held,
                             String clientOrderId, long createdAt, SelfTradePrevention stp) {
    }

    /** The order if it is open, or null (it ended, or never was). */
    public OrderState order(long orderId) {
        OpenOrder o = orders.get(orderId);
        return o == null ? null : state(o);
    }

    /** A user's open orders, newest first. */
    public java.util.List<OrderState> openOrdersOf(long userId) {
        Account a = accounts.get(userId);
        java.util.List<OrderState> list = new java.util.ArrayList<>();
        for (OpenOrder o = a == null ? null : a.firstOpen; o != null; o = o.nextOfUser) {
            list.add(state(o));
        }
        list.sort(java.util.Comparator.comparingLong(OrderState::orderId).reversed()); // the same after a restore
        return list;
    }

    private static OrderState state(OpenOrder o) {
        return new OrderState(o.id, o.account.userId, o.market.id, o.side, o.type, o.tif, o.price, o.lots, o.budget,
                o.executed, o.quoteFilled, o.held, o.clientOrderId, o.createdAt, o.market.book.stpOf(o.id));
    }

    /** What the user's orders in a quote asset have used of the limit of the UTC day of {@code epochMillis}. */
    public long usedOn(long userId, int quoteAsset, long epochMillis) {
        Account a = accounts.get(userId);
        return a == null ? 0 : a.used(quoteAsset, Math.floorDiv(epochMillis, DAY_MILLIS));
    }

    /** A user's KYC level as the core applies it (0 until set). */
    public int userLevel(long userId) {
        Account a = accounts.get(userId);
        return a == null ? 0 : a.level;
    }

    public interface LevelLimitVisitor {
        void limit(int level, int quoteAsset, long orderMax, long dailyMax);
    }

    /** Every level's limits in force, in no particular order. */
    public void forEachLevelLimit(LevelLimitVisitor visitor) {
        levelLimits.forEachKeyValue((key, v) -> visitor.limit((int) (key >>> 32), (int) key, v[0], v[1]));
    }

    /** What the user's orders in a quote asset have used of the day's limit, on the core's current day. */
    public long usedToday(long userId, int quoteAsset) {
        Account a = accounts.get(userId);
        return a == null ? 0 : a.used(quoteAsset, Math.floorDiv(now, DAY_MILLIS));
    }

    public interface BalanceVisitor {
        void balance(long userId, int asset, long available, long frozen);
    }

    /** Every non-zero balance, in no particular order. */
    public void forEachBalance(BalanceVisitor visitor) {
        accounts.forEachValue(a -> {
            for (int i = 0; i < a.available.length; i++) {
                if (a.available[i] != 0 || a.frozen[i] != 0) {
                    visitor.balance(a.userId, i, a.available[i], a.frozen[i]);
                }
            }
        });
    }

    public interface HoldVisitor {
        void hold(long userId, int asset, long amount);
    }

    /** What each open order and each pending withdrawal holds: their sum per user and asset is its frozen balance. */
    public void forEachHold(HoldVisitor visitor) {
        orders.forEachValue(o -> visitor.hold(o.account.userId, o.side == Side.SELL ? o.market.base : o.market.quote,
                o.held));
        withdrawals.values().forEach(w -> visitor.hold(w.userId, w.asset, w.amount));
    }

    /** The book of a market (for depth and snapshots), or null. */
    public exchange.match.book.OrderBook book(int marketId) {
        Market m = market(marketId);
        return m == null ? null : m.book;
    }

    /**
     * A hash of the whole state: books, balances, holds and supplies. Accounts and orders enter
     * as a sum of independent mixes, so the hash does not depend on the order maps iterate in.
     */
    public long stateHash() {
        long h = 17;
        for (Market m : markets) {
            if (m != null) {
                h = h * 1_000_003L + m.id;
                h = h * 1_000_003L + m.book.stateHash();
                h = h * 1_000_003L + m.lastTradeId;
                h = h * 1_000_003L + m.commands;
            }
        }
        for (int i = 0; i < assets.length; i++) {
            if (assets[i]) {
                h = h * 1_000_003L + i;
                h = h * 1_000_003L + supply[i];
            }
        }
        // Not lastOrderId: a refused place still uses up its id, yet changes nothing the core decides by.
        h = h * 1_000_003L + now;
        h = h * 1_000_003L + clientIds.size();
        long[] sum = new long[1];
        forEachBalance((user, asset, available, frozen) -> sum[0] += mix(user, asset, available, frozen));
        accounts.forEachValue(a -> sum[0] += mix(a.userId, a.level, a.usageDay,
                java.util.Arrays.hashCode(a.usedToday) * 31L + a.makerRate * 7 + a.takerRate));
        levelLimits.forEachKeyValue((key, v) -> sum[0] += mix(key, v[0], v[1], 1));
        orders.forEachValue(o -> sum[0] += mix(o.id, o.reserve, o.held, o.side.ordinal())
                + mix(o.executed, o.quoteFilled, o.createdAt, java.util.Objects.hashCode(o.clientOrderId)));
        withdrawals.forEach((id, w) -> sum[0] += mix(id, w.userId, w.asset, w.amount));
        depositIds.forEach(id -> sum[0] += mix(id, 1, 2, 3));
        adjustmentIds.forEach(id -> sum[0] += mix(id, 4, 5, 6));
        withdrawalIds.forEach(id -> sum[0] += mix(id, 7, 8, 9));
        return h * 1_000_003L + sum[0];
    }

    private static long mix(long a, long b, long c, long d) {
        long h = a * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 29) ^ b) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31) ^ c) * 0x94D049BB133111EBL;
        h = (h ^ (h >>> 30) ^ d) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    // ---------------------------------------------------------------- for CoreSnapshot

    boolean[] assetsDefined() {
        return assets;
    }

    Market[] marketsDefined() {
        return markets;
    }

    int accountCount() {
        return accounts.size();
    }

    void forEachAccount(java.util.function.Consumer<Account> visitor) {
        accounts.forEachValue(visitor::accept);
    }

    int withdrawalCount() {
        return withdrawals.size();
    }

    interface WithdrawalVisitor {
        void withdrawal(long id, long userId, int asset, long amount);
    }

    void forEachWithdrawal(WithdrawalVisitor visitor) {
        withdrawals.forEach((id, w) -> visitor.withdrawal(id, w.userId, w.asset, w.amount));
    }

    OpenOrder openOrder(long orderId) {
        return orders.get(orderId);
    }

    /** The time of the last {@link #setTime}: epoch milliseconds. */
    public long now() {
        return now;
    }

    void restoreCounters(long now, long lastOrderId) {
        this.now = now;
        this.lastOrderId = lastOrderId;
    }

    /** Deposit, adjustment and withdrawal ids ever applied, for the snapshot. */
    org.eclipse.collections.impl.set.mutable.primitive.LongHashSet[] appliedIds() {
        return new org.eclipse.collections.impl.set.mutable.primitive.LongHashSet[] {depositIds, adjustmentIds, withdrawalIds};
    }

    LongObjectHashMap<long[]> levelLimits() {
        return levelLimits;
    }

    java.util.ArrayDeque<String> clientIdOrder() {
        return clientIdOrder;
    }

    Map<String, Long> clientIds() {
        return clientIds;
    }

    void restoreClientId(String key, long orderId) {
        rememberClientId(key, orderId);
    }

    void restoreAsset(int asset, long amount) {
        addAsset(asset);
        supply[asset] = amount;
    }

    Account restoreAccount(long userId, int assetSlots) {
        Account a = account(userId);
        a.available = new long[assetSlots];
        a.frozen = new long[assetSlots];
        return a;
    }

    void restoreWithdrawal(long id, long userId, int asset, long amount) {
        withdrawals.put(id, new WithdrawalHold(userId, asset, amount));
    }

    OpenOrder restoreOrder(long id, long userId, Market m, Side side, long reserve, long held) {
        OpenOrder o = newOrder();
        o.id = id;
        o.account = account(userId);
        o.market = m;
        o.side = side;
        o.reserve = reserve;
        o.held = held;
        orders.put(id, o);
        o.account.link(o);
        return o;
    }

    // ---------------------------------------------------------------- helpers

    private void rememberClientId(String key, long orderId) {
        clientIds.put(key, orderId);
        clientIdOrder.addLast(key);
        while (clientIdOrder.size() > CLIENT_IDS_KEPT) {
            clientIds.remove(clientIdOrder.removeFirst());
        }
    }

    private ResultCode reject(long id, long userId, ResultCode code) {
        out.rejected(id, userId, code);
        return code;
    }

    private Market market(int id) {
        return id >= 0 && id < markets.length ? markets[id] : null;
    }

    private boolean asset(int asset) {
        return asset >= 0 && asset < assets.length && assets[asset];
    }

    private static boolean rate(long rate) {
        return rate >= 0 && rate <= Fees.ONE;
    }

    private Account account(long userId) {
        Account a = accounts.get(userId);
        if (a == null) {
            a = new Account(userId, assets.length);
            accounts.put(userId, a);
        }
        return a;
    }

    private OpenOrder newOrder() {
        OpenOrder o = free;
        if (o == null) {
            return new OpenOrder();
        }
        free = o.nextFree;
        o.nextFree = null;
        return o;
    }

    /** {@code a x b} for non-negative operands, or -1 when it does not fit a long. */
    private static long multiply(long a, long b) {
        if (a < 0 || b < 0) {
            return -1;
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? -1 : lo;
    }
}
