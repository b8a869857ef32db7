package exchange.match.edge;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.messaging.RocketMqSettings;
import exchange.api.trade.EngineStatus;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import exchange.match.core.Command;
import exchange.match.core.EngineEvent;
import exchange.match.core.ResultCode;
import exchange.match.journal.CommandBatch;
import exchange.match.journal.JournalFollower;
import exchange.match.journal.Directory;
import exchange.match.journal.EngineState;
import exchange.match.journal.Journal;
import exchange.match.journal.Outcome;
import exchange.match.journal.Replay;
import exchange.match.journal.RocketMqJournal;
import exchange.match.journal.Sequencer;
import exchange.match.journal.SnapshotStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's home in the EAR (seed: "a @Singleton startup bean hosts matching") and its edge:
 * the sequencer's thread owns the books and every balance; this bean recovers it (the newest
 * snapshot plus the journal after it), converts between the exchange's decimals and the core's
 * units, answers callers once their command is journaled and applied, hands the results to the
 * broker, and tells readers when the projections have caught up with them.
 */
@Singleton
@Startup
@DependsOn({"trade-ejb.jar#TradeSchema", "MatchSchema"})
// No container lock: the bean guards its own state (the sequencer's queue, concurrent maps, a monitor
// for the watermarks). With the container's (fair) read-write lock, the minute's trading-limits timer
// queued for the write lock behind readers waiting up to 5 s for the projections, and every later
// call, the projections' own progress reports among them, queued behind it: once a minute,
// everything stood still for those 5 s.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EngineHost implements EngineGateway, EngineStatus, OrderBookDepth, exchange.api.engine.ClusterDuty {
    private static final Logger LOG = Logger.getLogger(EngineHost.class.getName());
    /** Every asset is kept to 10 decimals inside the engine: fine enough for every listed market's tick x step. */
    static final int ASSET_SCALE = 10;
    /** The projections a read waits for (read your writes). */
    private static final List<String> PROJECTIONS = List.of("trade", "wallet");

    @EJB
    private MarketDirectory markets;
    @EJB
    private exchange.api.user.Kyc kyc;
    @Resource
    private ManagedThreadFactory threads;
    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;
    @Inject
    @ConfigProperty(name = "exchange.engine.snapshot-every-ms", defaultValue = "60000")
    private long snapshotEveryMillis;
    @Inject
    @ConfigProperty(name = "exchange.engine.answer-timeout-ms", defaultValue = "5000")
    private long answerTimeoutMillis;
    @Inject
    @ConfigProperty(name = "exchange.engine.read-wait-ms", defaultValue = "5000")
    private long readWaitMillis;
    @Inject
    @ConfigProperty(name = "exchange.trade.market-protection", defaultValue = "0.05")
    private BigDecimal marketProtection;

    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean snapshotPending = new AtomicBoolean();
    private final ReentrantLock referenceData = new ReentrantLock();
    private final Map<Long, Long> lastSequenceOfUser = new ConcurrentHashMap<>();
    private final Map<String, Long> watermarks = new ConcurrentHashMap<>();
    private final Object watermarkMonitor = new Object();
    private final MarketFeed feed = new MarketFeed();
    private final EndedOrders ended = new EndedOrders(1 << 18);
    private final ResultPublisher publisher = new ResultPublisher();
    private volatile boolean replaying = true;
    private volatile boolean stopping;
    private volatile EngineState state;
    private volatile Sequencer sequencer;
    private volatile Recovery recovery = new Recovery(0, null, 0, 0, 0, 0);
    private volatile EngineGrid grid;
    /** "starting", "standby" (following another instance's journal) or "leader". */
    private volatile String role = "starting";
    private volatile long leadingSince;
    private RocketMqJournal journal;
    private SnapshotStore snapshots;
    private Thread engineThread;
    private Thread publisherThread;

    @PostConstruct
    void start() {
        snapshots = new SnapshotStore(dataSource);
        publisherThread = threads.newThread(publisher);
        publisherThread.setName("engine-results");
        publisherThread.start();
        Thread starter = threads.newThread(this::recoverAndRun);
        starter.setName("matching-engine");
        engineThread = starter;
        starter.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Sequencer s = sequencer;
        if (s != null) {
            s.stop();
        }
        join(engineThread);
        EngineGrid g = grid;
        if (g != null) {
            g.resign();
        }
        publisher.stop();
        join(publisherThread);
        if (journal != null) {
            journal.close();
        }
    }

    /**
     * On the engine's own thread: recover, then run the sequencer. Reference data (assets,
     * markets, their status and fees) is brought in line with the symbol table by a second thread
     * once the sequencer runs; only then are callers let in.
     */
    private void recoverAndRun() {
        EngineState recovered = null;
        while (!stopping && recovered == null) {
            try {
                journal = journal == null ? new RocketMqJournal(RocketMqSettings.namesrv(), RocketMqJournal.TOPIC,
                        "engine-" + ProcessHandle.current().pid()).start() : journal;
                recovered = recover();
            } catch (Replay.JournalReplaced e) {
                // The snapshots and the projections describe a journal that is gone: going on would
                // number new commands below what the projections already hold. ./exchange resets both together.
                LOG.severe("The engine's journal is not the one its snapshots were taken from (" + e.getMessage()
                        + "); the engine stays stopped. Restore the broker's store, or reset the databases with it.");
                return;
            } catch (Exception e) {
                LOG.log(java.util.logging.Level.WARNING, "Engine could not recover from its journal yet; retrying", e);
                sleep(2000);
            }
        }
        if (recovered == null) {
            return;
        }
        state = recovered;
        grid = EngineGrid.join(this::noteProjected);
        Sequencer leading;
        if (grid.tryLead()) {
            // Each start leads under a new epoch: whatever an earlier run of this engine might still
            // append (a paused process, a partitioned node) is fenced off by every replay, and this
            // one notices it at its next append (see Sequencer#appendAndApply).
            leading = new Sequencer(recovered, journal, resultSink, System::currentTimeMillis, recovered.epoch() + 1,
                    this::snapshot, snapshotEveryMillis, recovery.commandsInSnapshot());
        } else {
            role = "standby";
            try {
                leading = standBy(recovered);
            } catch (Exception e) {
                role = "failed";
                LOG.log(java.util.logging.Level.SEVERE, "The standby could not take the engine over; restart this instance", e);
                return;
            }
            if (leading == null) {
                return;
            }
        }
        replaying = false;
        feed.start(state.core(), state.directory());
        sequencer = leading;
        leadingSince = System.currentTimeMillis();
        role = "leader";
        Thread sync = threads.newThread(this::followSymbolTable);
        sync.setName("engine-reference-data");
        sync.start();
        LOG.info("Matching engine running at command " + state.sequence() + ", journal position " + state.position());
        leading.run();
        if (!stopping) {
            // Deposed (another engine's newer epoch reached the journal): this one answers nothing more.
            role = "deposed";
            LOG.severe("This instance's engine was deposed by another's; it takes no more commands until it restarts");
        }
    }

    private EngineState recover() throws Exception {
        SnapshotStore.Snapshot snapshot = snapshots.newest();
        EngineState restored = EngineState.empty();
        if (snapshot != null) {
            Replay.checkSameJournal(journal, snapshot.sequence(), snapshot.position());
            try {
                restored = EngineState.restore(snapshot.sequence(), snapshot.position(), snapshot.state());
                recovery = new Recovery(snapshot.id(), snapshot.takenAt(), snapshot.sequence(), snapshot.sequence(), 0, 0);
            } catch (java.io.IOException e) {
                LOG.log(java.util.logging.Level.WARNING, "Engine snapshot " + snapshot.id() + " unreadable; replaying the whole journal", e);
                restored = EngineState.empty();
            }
        }
        // Published first: the replay hands its results on (projections skip what they hold) through this state.
        state = restored;
        long counted = Replay.toEnd(restored, journal, resultSink, Long.MAX_VALUE);
        LOG.info("Engine replayed " + counted + " journal entries after " + (snapshot == null ? "no snapshot" : "snapshot " + snapshot.id()));
        recovery = new Recovery(recovery.snapshotId(), recovery.snapshotTakenAt(), recovery.commandsInSnapshot(),
                restored.sequence(), 0, 0);
        return restored;
    }

    /**
     * Another instance leads: follow its journal (a hot standby) until this one takes the lead,
     * then lead from where it stands. Returns the sequencer to run, or null when stopping.
     */
    private Sequencer standBy(EngineState recovered) throws Exception {
        LOG.info("Another instance leads the engine; this one follows its journal from position " + recovered.position()
                + ", ready to take over");
        JournalFollower follower = new JournalFollower(recovered, journal, 1 << 16);
        while (!stopping) {
            if (grid.tryLead()) {
                long t0 = System.nanoTime();
                try {
                    Sequencer s = follower.promote(projectionsMark(), resultSink, System::currentTimeMillis, this::snapshot,
                            snapshotEveryMillis);
                    LOG.info(String.format("Took the engine over at command %d, journal position %d, in %.0f ms",
                            recovered.sequence(), recovered.position(), (System.nanoTime() - t0) / 1e6));
                    return s;
                } catch (IllegalStateException behind) {
                    // The projections are further behind than the standby kept: as a start does.
                    LOG.warning("Taking the engine over by a replay: " + behind.getMessage());
                    EngineState restored = recover();
                    state = restored;
                    return new Sequencer(restored, journal, resultSink, System::currentTimeMillis, restored.epoch() + 1,
                            this::snapshot, snapshotEveryMillis, recovery.commandsInSnapshot());
                }
            }
            try {
                long before = recovered.position();
                follower.follow(4096);
                if (recovered.position() == before) {
                    sleep(20);
                }
            } catch (exchange.match.journal.Journal.JournalException e) {
                LOG.log(java.util.logging.Level.FINE, "standby could not read the journal; retrying", e);
                sleep(500);
            }
        }
        return null;
    }

    /** The command both projections have applied up to, from their own rows: what the receivers confirmed. */
    private long projectionsMark() {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement p = c.prepareStatement("SELECT LEAST("
                     + "COALESCE((SELECT next_sequence FROM exchange_trade.engine_watermark WHERE projection = 'trade'), 0),"
                     + "COALESCE((SELECT next_sequence FROM exchange_wallet.engine_watermark WHERE projection = 'wallet'), 0))");
             java.sql.ResultSet r = p.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            LOG.log(java.util.logging.Level.WARNING, "projections' marks unreadable; taking over by a replay", e);
            return -1;
        }
    }

    private void followSymbolTable() {
        for (int attempt = 0; !stopping; attempt++) {
            try {
                for (SymbolView s : markets.symbols()) {
                    reference(s);
                }
                followTradingLimits(markets.tradingLimits());
                followUserLevels();
                ready.countDown();
                return;
            } catch (RuntimeException e) {
                LOG.log(attempt < 3 ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING, "Engine could not load the symbol table yet; retrying", e);
                sleep(1000);
            }
        }
    }

    // ---------------------------------------------------------------- on the standby

    /**
     * On an instance whose engine does not lead, every call on the engine's business interfaces
     * is made on the leader's instead (through the data grid), so that this instance's callers,
     * its consumers among them, are served as on the leader. Not forwarded: the projections'
     * progress reports (local by nature), and a call that was itself forwarded here.
     */
    @jakarta.interceptor.AroundInvoke
    Object toTheLeader(jakarta.interceptor.InvocationContext ctx) throws Exception {
        EngineGrid g = grid;
        if ("leader".equals(role) || g == null || ForwardedCall.arrived() || "projected".equals(ctx.getMethod().getName())) {
            return ctx.proceed();
        }
        // The container names the bean class's method: find the business interface that declares it.
        java.lang.reflect.Method m = declaredBy(EngineGateway.class, ctx.getMethod());
        if (m == null) {
            m = declaredBy(OrderBookDepth.class, ctx.getMethod());
        }
        if (m == null) {
            return ctx.proceed(); // EngineStatus, ClusterDuty: about this instance
        }
        Object answer = g.forward(ForwardedCall.of(m, ctx.getParameters()), answerTimeoutMillis + readWaitMillis);
        return answer == EngineGrid.NOT_FORWARDED ? ctx.proceed() : answer;
    }

    private static java.lang.reflect.Method declaredBy(Class<?> type, java.lang.reflect.Method m) {
        try {
            return type.getMethod(m.getName(), m.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- results

    private final exchange.match.journal.EventSink resultSink = new exchange.match.journal.EventSink() {
        @Override
        public void beforeAnswers(CommandBatch batch, List<Outcome> outcomes) {
            noted(batch, outcomes);
        }

        @Override
        public void applied(CommandBatch batch, List<Outcome> outcomes) {
            EngineHost.this.applied(batch, outcomes);
        }
    };

    /** The sink's first half: whose commands these were, before their callers are answered. */
    private void noted(CommandBatch batch, List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            for (EngineEvent e : o.events()) {
                touch(o.sequence(), e);
            }
        }
    }

    /** The sink: on the engine's thread, after each entry is applied (live or in replay). */
    private void applied(CommandBatch batch, List<Outcome> outcomes) {
        EngineState s = state;
        exchange.match.core.TradingCore core = s.core();
        Directory directory = s.directory();
        List<exchange.api.event.DomainEvent> marketData = replaying ? List.of() : feed.afterEntry(core, directory, outcomes);
        long time = outcomes.get(outcomes.size() - 1).time();
        try {
            publisher.publish(new ResultPublisher.Publication(batch.next(),
                    ResultTranslator.translate(directory, batch, outcomes, time), marketData));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void touch(long sequence, EngineEvent e) {
        if (e instanceof EngineEvent.BalanceChanged b) {
            lastSequenceOfUser.put(b.userId(), sequence);
        } else if (e instanceof EngineEvent.Traded t) {
            lastSequenceOfUser.put(t.makerUserId(), sequence);
            lastSequenceOfUser.put(t.takerUserId(), sequence);
        } else if (e instanceof EngineEvent.Done d) {
            lastSequenceOfUser.put(d.userId(), sequence);
            if (d.reason() != exchange.match.book.DoneReason.UNKNOWN_ORDER
                    && d.reason() != exchange.match.book.DoneReason.DUPLICATE_ORDER_ID && d.orderId() > 0) {
                ended.ended(d.orderId(), d.userId());
            }
        } else if (e instanceof EngineEvent.OrderAccepted a) {
            lastSequenceOfUser.put(a.userId(), sequence);
        }
    }

    /** On the engine's thread: the state's bytes; stored by another thread once every result before it was sent. */
    private void snapshot(long sequence, long position, byte[] bytes) {
        if (!snapshotPending.compareAndSet(false, true)) {
            return; // the previous one is still being stored: skip this one, the next comes soon
        }
        Thread writer = threads.newThread(() -> {
            try {
                if (publisher.awaitSent(sequence, 60_000)) {
                    long id = snapshots.save(sequence, position, bytes);
                    LOG.fine("Engine snapshot " + id + " at command " + sequence);
                }
            } catch (Exception e) {
                LOG.log(java.util.logging.Level.WARNING, "Engine snapshot not stored; the journal still holds everything", e);
            } finally {
                snapshotPending.set(false);
            }
        });
        writer.setName("engine-snapshot");
        writer.start();
    }

    // ---------------------------------------------------------------- gateway: orders

    @Override
    public OrderState place(NewOrder o) {
        Directory.MarketInfo m = market(o.symbol());
        Side side = "BUY".equals(o.side()) ? Side.BUY : "SELL".equals(o.side()) ? Side.SELL : null;
        if (side == null) {
            throw new BusinessException(ErrorCode.INVALID_ORDER, "side: BUY or SELL");
        }
        OrderType type;
        long price = 0;
        long lots = 0;
        long budget = 0;
        switch (o.type() == null ? "" : o.type()) {
            case "LIMIT", "LIMIT_MAKER" -> {
                type = "LIMIT".equals(o.type()) ? OrderType.LIMIT : OrderType.LIMIT_MAKER;
                price = fit(Units.ticks(m, o.price()), ErrorCode.INVALID_PRICE);
                lots = fit(Units.lots(m, o.quantity()), ErrorCode.INVALID_QUANTITY);
            }
            case "MARKET" -> {
                if (o.quantity() == null) {
                    type = OrderType.MARKET_QUOTE;
                    budget = fit(Units.budget(m, o.quoteQuantity()), ErrorCode.INVALID_QUANTITY);
                } else {
                    type = OrderType.MARKET;
                    lots = fit(Units.lots(m, o.quantity()), ErrorCode.INVALID_QUANTITY);
                }
            }
            default -> throw new BusinessException(ErrorCode.INVALID_ORDER, "type: LIMIT, LIMIT_MAKER or MARKET");
        }
        TimeInForce tif = type == OrderType.LIMIT ? enumOf(TimeInForce.class, o.timeInForce(), TimeInForce.GTC) : TimeInForce.IOC;
        SelfTradePrevention stp = enumOf(SelfTradePrevention.class, o.selfTradePrevention(), SelfTradePrevention.EXPIRE_TAKER);
        Outcome out = submit(new Command.Place(0, o.userId(), m.id(), side, type, tif, price, 0, lots, budget, stp,
                o.clientOrderId()));
        long orderId = ((Command.Place) out.command()).orderId();
        if (out.code() == ResultCode.DUPLICATE_CLIENT_ORDER_ID) {
            long earlier = ask(core -> core.orderIdOf(o.userId(), o.clientOrderId()));
            return new OrderState(earlier, out.sequence(), out.time(), null, null, null, null, null, List.of(), true, null);
        }
        refuseUnlessAccepted(out.code());
        return OrderAnswers.of(state.directory(), out, orderId, out.time());
    }

    @Override
    public OrderState cancel(long userId, long orderId) {
        awaitReady();
        // The order's terms, read first: once canceled the engine forgets it. Only its fills can
        // change before the cancel applies; the cancel's remaining quantity tells whether they did.
        exchange.match.core.TradingCore.OrderState before = ask(core -> core.order(orderId));
        if (before == null || before.userId() != userId) {
            throw notOpen(userId, orderId);
        }
        Outcome out = submit(new Command.Cancel(orderId, userId));
        if (out.code() == ResultCode.UNKNOWN_ORDER) {
            throw notOpen(userId, orderId);
        }
        refuseUnlessAccepted(out.code());
        OrderState answer = OrderAnswers.of(state.directory(), out, orderId, out.time());
        long remaining = -1;
        for (EngineEvent e : out.events()) {
            if (e instanceof EngineEvent.Done d && d.orderId() == orderId) {
                remaining = d.remaining();
            }
        }
        Directory.MarketInfo m = state.directory().market(before.market());
        if (m == null || before.lots() <= 0 || before.lots() - remaining != before.executed()) {
            return answer; // it traded in between: its row tells the rest
        }
        OrderTerms terms = terms(m, before);
        return new OrderState(orderId, answer.sequence(), answer.time(), answer.status(), Units.quantity(m, before.executed()),
                Units.amount(m.quote(), before.quoteFilled()), answer.heldAmount(), answer.heldAsset(), answer.fills(), false, terms);
    }

    @Override
    public OrderTerms openOrder(long userId, long orderId) {
        awaitReady();
        exchange.match.core.TradingCore.OrderState o = ask(core -> core.order(orderId));
        if (o == null || o.userId() != userId) {
            return null;
        }
        Directory.MarketInfo m = state.directory().market(o.market());
        return m == null ? null : terms(m, o);
    }

    private static OrderTerms terms(Directory.MarketInfo m, exchange.match.core.TradingCore.OrderState o) {
        return new OrderTerms(m.symbol(), o.side().name(), o.type().name(), o.tif().name(),
                o.stp() == null ? null : o.stp().name(), o.price() > 0 ? Units.price(m, o.price()) : null,
                Units.quantity(m, o.lots()), o.clientOrderId(), o.createdAt());
    }

    /** ORDER_NOT_OPEN for an order of the user's that ended lately, else NOT_FOUND (the caller may look further). */
    private BusinessException notOpen(long userId, long orderId) {
        return ended.endedFor(orderId, userId) ? new BusinessException(ErrorCode.ORDER_NOT_OPEN)
                : new BusinessException(ErrorCode.NOT_FOUND, "No such open order.");
    }

    // ---------------------------------------------------------------- gateway: money

    @Override
    public void deposit(long depositId, long userId, String asset, BigDecimal amount) {
        Directory.AssetInfo a = asset(asset);
        Outcome out = submit(new Command.Deposit(userId, a.id(), fit(Units.amount(a, amount), ErrorCode.INVALID_AMOUNT), depositId));
        if (out.code() != ResultCode.DUPLICATE_DEPOSIT) {
            refuseUnlessAccepted(out.code());
        }
    }

    @Override
    public void adjust(long adjustmentId, long userId, String asset, BigDecimal delta) {
        Directory.AssetInfo a = asset(asset);
        long units = fit(Units.amount(a, delta == null ? null : delta.abs()), ErrorCode.INVALID_AMOUNT);
        Outcome out = submit(new Command.Adjust(userId, a.id(), delta.signum() < 0 ? -units : units, adjustmentId));
        if (out.code() != ResultCode.DUPLICATE_ADJUSTMENT) {
            refuseUnlessAccepted(out.code());
        }
    }

    @Override
    public void freezeWithdrawal(long withdrawalId, long userId, String asset, BigDecimal amount) {
        Directory.AssetInfo a = asset(asset);
        Outcome out = submit(new Command.FreezeWithdrawal(withdrawalId, userId, a.id(),
                fit(Units.amount(a, amount), ErrorCode.INVALID_AMOUNT)));
        if (out.code() != ResultCode.DUPLICATE_WITHDRAWAL) {
            refuseUnlessAccepted(out.code());
        }
    }

    @Override
    public void releaseWithdrawal(long withdrawalId) {
        // Unknown: released or completed before (the wallet asked twice), which is the outcome it wants.
        Outcome out = submit(new Command.ReleaseWithdrawal(withdrawalId));
        if (out.code() != ResultCode.UNKNOWN_WITHDRAWAL) {
            refuseUnlessAccepted(out.code());
        }
    }

    @Override
    public void completeWithdrawal(long withdrawalId) {
        Outcome out = submit(new Command.CompleteWithdrawal(withdrawalId));
        if (out.code() != ResultCode.UNKNOWN_WITHDRAWAL) {
            refuseUnlessAccepted(out.code());
        }
    }

    @Override
    public void setUserFees(long userId, BigDecimal makerRate, BigDecimal takerRate) {
        long maker = makerRate == null ? -1 : fit(Units.rate(makerRate), ErrorCode.VALIDATION_FAILED);
        long taker = takerRate == null ? -1 : fit(Units.rate(takerRate), ErrorCode.VALIDATION_FAILED);
        refuseUnlessAccepted(submit(new Command.SetUserFees(userId, maker, taker)).code());
    }

    @Override
    public void setUserLevel(long userId, int level) {
        refuseUnlessAccepted(submit(new Command.SetUserLevel(userId, level)).code());
    }

    @Override
    public void tradingLimitsChanged(List<MarketDirectory.TradingLimit> limits) {
        awaitReady();
        followTradingLimits(limits);
    }

    @Override
    public BigDecimal usedToday(long userId, String quoteAsset) {
        awaitReady();
        Directory.AssetInfo a = state.directory().asset(quoteAsset);
        if (a == null) {
            return BigDecimal.ZERO;
        }
        long now = System.currentTimeMillis();
        long used = ask(core -> core.usedOn(userId, a.id(), now));
        return Units.amount(a, used);
    }

    /**
     * The trading limits table as the engine's commands: rows that differ are set, limits the table
     * no longer has are removed (that level then cannot trade against that quote asset).
     */
    private void followTradingLimits(List<MarketDirectory.TradingLimit> limits) {
        referenceData.lock();
        try {
            Map<Long, long[]> wanted = new java.util.HashMap<>();
            for (MarketDirectory.TradingLimit l : limits) {
                Directory.AssetInfo a = assetFor(l.quoteAsset());
                wanted.put(((long) l.kycLevel() << 32) | a.id(), new long[] {limitUnits(a, l.orderMax()), limitUnits(a, l.dailyMax())});
            }
            Map<Long, long[]> current = ask(core -> {
                Map<Long, long[]> in = new java.util.HashMap<>();
                core.forEachLevelLimit((level, asset, orderMax, dailyMax) ->
                        in.put(((long) level << 32) | asset, new long[] {orderMax, dailyMax}));
                return in;
            });
            for (Map.Entry<Long, long[]> w : wanted.entrySet()) {
                if (!java.util.Arrays.equals(w.getValue(), current.get(w.getKey()))) {
                    refuseUnlessAccepted(submitReady(new Command.SetLevelLimits((int) (w.getKey() >>> 32), (int) (long) w.getKey(),
                            w.getValue()[0], w.getValue()[1])).code());
                }
            }
            for (long key : current.keySet()) {
                if (!wanted.containsKey(key)) {
                    refuseUnlessAccepted(submitReady(new Command.SetLevelLimits((int) (key >>> 32), (int) key, -1, -1)).code());
                }
            }
        } finally {
            referenceData.unlock();
        }
    }

    /** A limit in the asset's units; one beyond what the engine's numbers hold is no limit at all. */
    private static long limitUnits(Directory.AssetInfo asset, BigDecimal amount) {
        BigDecimal units = amount.movePointRight(asset.scale()).setScale(0, java.math.RoundingMode.DOWN);
        return units.signum() < 0 ? 0 : units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE
                : units.longValueExact();
    }

    /** Users' KYC levels as the user service has them, where the engine's differ (the levels only rise). */
    private void followUserLevels() {
        Map<Long, Integer> levels = kyc.levelsAboveZero();
        Map<Long, Integer> differ = ask(core -> {
            Map<Long, Integer> d = new java.util.HashMap<>();
            levels.forEach((user, level) -> {
                if (core.userLevel(user) != level) {
                    d.put(user, level);
                }
            });
            return d;
        });
        differ.forEach((user, level) -> refuseUnlessAccepted(submitReady(new Command.SetUserLevel(user, level)).code()));
        if (!differ.isEmpty()) {
            LOG.info("Engine took " + differ.size() + " users' KYC levels from the user service");
        }
    }

    /** Operators change the trading limits table in the database: the engine follows it every minute. */
    @jakarta.ejb.Schedule(minute = "*", hour = "*", persistent = false)
    void refreshTradingLimits() {
        if (ready.getCount() == 0 && !stopping) {
            try {
                followTradingLimits(markets.tradingLimits());
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "Trading limits not brought in line with the table", e);
            }
        }
    }

    @Override
    public void marketChanged(SymbolView symbol) {
        awaitReady();
        reference(symbol);
    }

    /** Lists the market if the engine does not know it yet, then follows its status and fees. */
    private void reference(SymbolView s) {
        referenceData.lock();
        try {
            Directory directory = state.directory();
            Directory.MarketInfo m = directory.market(s.symbol());
            long maker = fit(Units.rate(s.makerFee()), ErrorCode.VALIDATION_FAILED);
            long taker = fit(Units.rate(s.takerFee()), ErrorCode.VALIDATION_FAILED);
            if (m == null) {
                Directory.AssetInfo base = assetFor(s.baseAsset());
                Directory.AssetInfo quote = assetFor(s.quoteAsset());
                long[] units = Units.marketUnits(base, quote, s.priceTick(), s.quantityStep());
                if (units == null) {
                    throw new BusinessException(ErrorCode.VALIDATION_FAILED, "priceTick x quantityStep of " + s.symbol()
                            + " must be a whole multiple of 1e-" + ASSET_SCALE + " (the engine's unit of every asset)");
                }
                int id = directory.nextMarketId();
                refuseUnlessAccepted(submitReady(new Command.AddMarket(id, base.id(), quote.id(), units[0], units[1], maker,
                        taker, fit(Units.rate(marketProtection), ErrorCode.VALIDATION_FAILED), s.symbol(),
                        s.priceTick(), s.quantityStep())).code());
                m = directory.market(s.symbol());
            }
            // Only what differs becomes a command: a start that finds the engine in line journals nothing.
            int id = m.id();
            long[] terms = ask(core -> core.marketTerms(id));
            if (terms[1] != maker || terms[2] != taker) {
                refuseUnlessAccepted(submitReady(new Command.SetMarketFees(id, maker, taker)).code());
            }
            boolean halted = !"TRADING".equals(s.status());
            if ((terms[0] == 1) != halted) {
                refuseUnlessAccepted(submitReady(new Command.HaltMarket(id, halted)).code());
            }
        } finally {
            referenceData.unlock();
        }
    }

    private Directory.AssetInfo assetFor(String code) {
        Directory directory = state.directory();
        Directory.AssetInfo a = directory.asset(code);
        if (a == null) {
            refuseUnlessAccepted(submitReady(new Command.AddAsset(directory.nextAssetId(), code, ASSET_SCALE)).code());
            a = directory.asset(code);
        }
        return a;
    }

    // ---------------------------------------------------------------- read your writes

    @Override
    public void awaitProjected(long userId) {
        Long last = lastSequenceOfUser.get(userId);
        if (last == null) {
            return;
        }
        long deadline = System.currentTimeMillis() + readWaitMillis;
        synchronized (watermarkMonitor) {
            while (projectedUpTo() <= last) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.warning("Projections did not reach command " + last + " of user " + userId + " within "
                            + readWaitMillis + " ms (at " + watermarks + "); answering from what they hold");
                    return;
                }
                try {
                    watermarkMonitor.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void projected(String projection, long nextSequence) {
        noteProjected(projection, nextSequence);
        EngineGrid g = grid;
        if (g != null) {
            g.projected(projection, nextSequence); // for readers waiting on the other instances
        }
    }

    private void noteProjected(String projection, long nextSequence) {
        watermarks.merge(projection, nextSequence, Math::max);
        synchronized (watermarkMonitor) {
            watermarkMonitor.notifyAll();
        }
    }

    @Override
    public String role() {
        return role;
    }

    @Override
    public boolean serves() {
        EngineGrid g = grid;
        return "leader".equals(role) || "standby".equals(role) && g != null && g.anotherMemberLeads();
    }

    @Override
    public long leadingSince() {
        return "leader".equals(role) ? leadingSince : 0;
    }

    @Override
    public boolean ours() {
        return "leader".equals(role);
    }

    /** The sequence every projection has applied up to (exclusive). */
    private long projectedUpTo() {
        long min = Long.MAX_VALUE;
        for (String p : PROJECTIONS) {
            min = Math.min(min, watermarks.getOrDefault(p, 0L));
        }
        return min;
    }

    // ---------------------------------------------------------------- status and depth

    @Override
    public List<Book> books() {
        return ask(core -> {
            List<Book> books = new ArrayList<>();
            for (Directory.MarketInfo m : state.directory().markets()) {
                books.add(new Book(m.symbol(), core.marketSequence(m.id()), core.book(m.id()).stateHash(),
                        core.book(m.id()).restingOrders()));
            }
            books.sort(java.util.Comparator.comparing(Book::symbol));
            return books;
        });
    }

    @Override
    public Recovery recovery() {
        long[] now = ask(core -> new long[] {state.sequence(), state.position(), core.stateHash()});
        Recovery r = recovery;
        return new Recovery(r.snapshotId(), r.snapshotTakenAt(), r.commandsInSnapshot(), now[0], now[1], now[2]);
    }

    @Override
    public Progress progress() {
        long[] now = ask(core -> new long[] {state.sequence(), state.position()});
        return new Progress(now[0], now[1]);
    }

    @Override
    public Depth depth(String symbol, int limit) {
        if (markets.symbols().stream().noneMatch(s -> s.symbol().equals(symbol))) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
        Depth depth = feed.depth(symbol, Math.max(1, Math.min(limit, 1000)));
        return depth != null ? depth : new Depth(symbol, 0, List.of(), List.of());
    }

    // ---------------------------------------------------------------- plumbing

    private Directory.MarketInfo market(String symbol) {
        awaitReady();
        Directory.MarketInfo m = symbol == null ? null : state.directory().market(symbol);
        if (m == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL, "Unknown symbol " + symbol + ".");
        }
        return m;
    }

    private Directory.AssetInfo asset(String code) {
        awaitReady();
        Directory.AssetInfo a = code == null ? null : state.directory().asset(code);
        if (a == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_ASSET, "The engine trades no " + code + ".");
        }
        return a;
    }

    private void awaitReady() {
        try {
            if (!ready.await(answerTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE, "The matching engine is still starting.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE);
        }
    }

    private Outcome submit(Command command) {
        awaitReady();
        return submitReady(command);
    }

    /** Submits and waits for the answer; for the reference-data thread, which runs before callers are let in. */
    private Outcome submitReady(Command command) {
        Sequencer s = sequencer;
        if (s == null) {
            throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE, "The matching engine is not running.");
        }
        return await(s.submit(command));
    }

    private <T> T ask(java.util.function.Function<exchange.match.core.TradingCore, T> read) {
        Sequencer s = sequencer;
        if (s == null) {
            throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE, "The matching engine is not running.");
        }
        return await(s.query(read));
    }

    private <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(answerTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE);
        } catch (TimeoutException e) {
            throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Sequencer.EngineUnavailable) {
                throw new BusinessException(ErrorCode.ENGINE_UNAVAILABLE, e.getCause().getMessage());
            }
            throw new IllegalStateException("matching engine failed", e.getCause());
        }
    }

    /** The engine's refusal as the API's error; nothing changed. */
    private static void refuseUnlessAccepted(ResultCode code) {
        ErrorCode error = switch (code) {
            case ACCEPTED -> null;
            case INSUFFICIENT_FUNDS -> ErrorCode.INSUFFICIENT_BALANCE;
            case MARKET_HALTED -> ErrorCode.SYMBOL_HALTED;
            case UNKNOWN_MARKET -> ErrorCode.UNKNOWN_SYMBOL;
            case UNKNOWN_ASSET -> ErrorCode.UNKNOWN_ASSET;
            case TRADING_LIMIT -> ErrorCode.TRADING_LIMIT_EXCEEDED;
            case NO_LIQUIDITY -> ErrorCode.NO_LIQUIDITY;
            case UNKNOWN_ORDER -> ErrorCode.NOT_FOUND;
            case SUPPLY_LIMIT, OUT_OF_RANGE -> ErrorCode.INVALID_AMOUNT;
            case ENGINE_ERROR -> ErrorCode.INTERNAL;
            default -> ErrorCode.VALIDATION_FAILED;
        };
        if (error != null) {
            throw new BusinessException(error, "The engine refused the command: " + code + " (" + code.code() + ").");
        }
    }

    private static long fit(long units, ErrorCode error) {
        if (units < 0) {
            throw new BusinessException(error, "The value does not fit the engine's units (at most "
                    + ASSET_SCALE + " decimals, and in the market's tick and step).");
        }
        return units;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, E fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.INVALID_ORDER, "Unknown " + type.getSimpleName() + " " + name + ".");
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
