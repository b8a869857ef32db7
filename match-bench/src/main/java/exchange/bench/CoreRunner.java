package exchange.bench;

import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.L2MarketData;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiReset;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.api.reports.SingleUserReportQuery;
import exchange.core2.core.common.api.reports.SingleUserReportResult;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.InitialStateConfiguration;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.common.config.OrdersProcessingConfiguration;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.common.config.ReportsQueriesConfiguration;
import exchange.core2.core.common.config.SerializationConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * exchange-core 0.5.3 end to end: its disruptor pipeline (grouping, risk pre-check, matching
 * engine, risk release, results) in the configuration measured fastest on this 2-core machine:
 * YIELDING waits (the default here; BUSY_SPIN starves 2 cores, BLOCKING is slower),
 * OrderBookDirectImpl, one matching and one risk engine, no journal. Risk processing is off so
 * that it does the same work as our book, which has no balances either.
 *
 * <p>Commands go in as exchange-core's own throughput benchmark sends them (prebuilt API objects
 * through {@link ExchangeApi#submitCommand}); the clock runs from the first submit until the
 * results consumer has seen the last result. Every wait has a timeout: when exchange-core's first
 * command fails (as it does without the --add-opens flags) its pipeline stops and would otherwise
 * hang the benchmark.
 */
final class CoreRunner implements AutoCloseable {
    private final CommandStream s;
    private final ApiCommand[] commands;
    private final long timeoutNanos;
    private final ExchangeCore core;
    private final ExchangeApi api;
    private final boolean risk;
    private volatile Phase phase;

    static String configuration(CoreWaitStrategy waitStrategy, boolean risk) {
        return "disruptor pipeline, " + waitStrategy + " wait strategy, OrderBookDirectImpl, "
                + "1 matching engine + 1 risk engine, " + (risk ? "FULL_PER_CURRENCY risk processing" : "NO_RISK_PROCESSING")
                + ", no journaling";
    }

    /**
     * @param risk with its risk engine on (funded streams): balances checked and held before
     *             matching, settled after; RISK_NSF answers are refusals, not failures
     */
    CoreRunner(CommandStream s, ApiCommand[] commands, int timeoutSeconds, CoreWaitStrategy waitStrategy, boolean risk) {
        this.s = s;
        this.risk = risk;
        this.commands = commands;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        ExchangeConfiguration cfg = ExchangeConfiguration.defaultBuilder()
                .performanceCfg(PerformanceConfiguration.baseBuilder()
                        .waitStrategy(waitStrategy)
                        .orderBookFactory(OrderBookDirectImpl::new)
                        .matchingEnginesNum(1)
                        .riskEnginesNum(1)
                        .build())
                .ordersProcessingCfg(OrdersProcessingConfiguration.builder()
                        .riskProcessingMode(risk ? OrdersProcessingConfiguration.RiskProcessingMode.FULL_PER_CURRENCY
                                : OrdersProcessingConfiguration.RiskProcessingMode.NO_RISK_PROCESSING)
                        .marginTradingMode(OrdersProcessingConfiguration.MarginTradingMode.MARGIN_TRADING_DISABLED)
                        .build())
                .initStateCfg(InitialStateConfiguration.CLEAN_TEST)
                .reportsQueriesCfg(ReportsQueriesConfiguration.DEFAULT)
                .loggingCfg(LoggingConfiguration.DEFAULT)
                .serializationCfg(SerializationConfiguration.DEFAULT) // journals nothing
                .build();
        core = ExchangeCore.builder().resultsConsumer(this::onResult).exchangeConfiguration(cfg).build();
        core.startup();
        api = core.getApi();
    }

    /**
     * The results one batch of submits is waiting for. Only exchange-core's results thread writes it;
     * the completion future publishes its fields to the waiting thread.
     */
    private static final class Phase {
        final long expected;
        final long[] latencies; // null unless this phase measures submit-to-result latency
        long seen;
        long refused;
        long failures;
        String firstFailure;
        long endNanos;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Phase(long expected, long[] latencies) {
            this.expected = expected;
            this.latencies = latencies;
        }
    }

    private void onResult(OrderCommand cmd, long seq) {
        Phase p = phase;
        if (p == null || p.seen >= p.expected) {
            return; // setup commands and queries are awaited through their own futures
        }
        long now = System.nanoTime();
        if (p.latencies != null) {
            p.latencies[(int) p.seen] = now - cmd.timestamp;
        }
        if (risk && cmd.resultCode == CommandResultCode.RISK_NSF) {
            p.refused++;
        } else if (cmd.resultCode != CommandResultCode.SUCCESS) {
            if (p.failures++ == 0) {
                p.firstFailure = cmd.resultCode + " for " + cmd.command + " of order " + cmd.orderId;
            }
        }
        if (++p.seen == p.expected) {
            p.endNanos = now;
            p.done.complete(null);
        }
    }

    static final class Result {
        final long nanos;
        final int commands;
        final BookSnapshot book;
        final long failures;
        final String firstFailure;
        final long refused;
        /** Every user's available balances after the run (risk on only). */
        final TradingCoreRunner.Balances balances;

        Result(long nanos, int commands, BookSnapshot book, long failures, String firstFailure, long refused,
               TradingCoreRunner.Balances balances) {
            this.nanos = nanos;
            this.commands = commands;
            this.book = book;
            this.failures = failures;
            this.firstFailure = firstFailure;
            this.refused = refused;
            this.balances = balances;
        }

        double opsPerSecond() {
            return commands * 1e9 / nanos;
        }
    }

    static final class Latency {
        final Percentiles percentiles;
        final double achievedRate;

        Latency(Percentiles percentiles, double achievedRate) {
            this.percentiles = percentiles;
            this.achievedRate = achievedRate;
        }
    }

    /**
     * One run over the whole stream, timing the part after the warm-up. The first run uses the
     * freshly started engine; later ones reset it, as exchange-core's own benchmark does between
     * iterations.
     */
    Result throughput(boolean reset) {
        prepare(reset);
        submitAll(0, s.warmup); // warm-up: JIT and a steady-state book, untimed
        Phase p = new Phase(s.measured(), null);
        phase = p;
        long start = System.nanoTime();
        for (int i = s.warmup; i < s.size; i++) {
            api.submitCommand(commands[i]);
        }
        await(p.done, "results of the timed run");
        phase = null;
        long nanos = p.endNanos - start;
        L2MarketData l2 = await(api.requestOrderBookAsync(CoreCommands.SYMBOL, Integer.MAX_VALUE), "order book");
        return new Result(nanos, s.measured(), BookSnapshot.of(l2), p.failures, p.firstFailure, p.refused,
                risk ? balances() : null);
    }

    /** Each user's accounts as its risk engine holds them: what is available (holds are already taken out). */
    private TradingCoreRunner.Balances balances() {
        TradingCoreRunner.Balances b = new TradingCoreRunner.Balances(s.users);
        for (int uid = 1; uid <= s.users; uid++) {
            SingleUserReportResult r = await(api.processReport(new SingleUserReportQuery(uid), uid), "user report");
            b.base[uid] = r.getAccounts().get(CoreCommands.BASE_CURRENCY);
            b.quote[uid] = r.getAccounts().get(CoreCommands.QUOTE_CURRENCY);
        }
        return b;
    }

    /**
     * Submit-to-result latency of the first {@code count} measured commands, sent at a steady
     * {@code rate} so that they measure the pipeline rather than a queue building up in the ring
     * buffer. Each command is stamped with System.nanoTime just before it is submitted; the results
     * consumer subtracts that stamp. Between sends the submitter yields, so exchange-core's threads
     * get the CPU when they need it.
     */
    Latency pacedLatency(int count, int rate) {
        prepare(true);
        submitAll(0, s.warmup);
        int n = Math.min(count, s.measured());
        Phase p = new Phase(n, new long[n]);
        phase = p;
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime();
        for (int k = 0; k < n; k++) {
            long due = start + (long) (k * intervalNanos);
            while (System.nanoTime() < due) {
                Thread.yield();
            }
            ApiCommand cmd = commands[s.warmup + k];
            cmd.timestamp = System.nanoTime();
            api.submitCommand(cmd);
        }
        double achieved = n * 1e9 / (System.nanoTime() - start);
        await(p.done, "results of the latency run");
        phase = null;
        if (p.failures > 0) {
            throw new IllegalStateException("exchange-core rejected " + p.failures + " commands, first: " + p.firstFailure);
        }
        return new Latency(Percentiles.of(p.latencies, n), achieved);
    }

    private void prepare(boolean reset) {
        if (reset) {
            expectSuccess(api.submitCommandAsync(ApiReset.builder().build()), "reset");
        }
        expectSuccess(api.submitBinaryDataAsync(new BatchAddSymbolsCommand(CoreCommands.symbol())), "add symbol");
        List<CompletableFuture<CommandResultCode>> users = new ArrayList<>(s.users);
        for (int uid = 1; uid <= s.users; uid++) {
            users.add(api.submitCommandAsync(ApiAddUser.builder().uid(uid).build()));
        }
        for (CompletableFuture<CommandResultCode> user : users) {
            expectSuccess(user, "add user");
        }
    }

    private void submitAll(int from, int to) {
        if (from == to) {
            return;
        }
        Phase p = new Phase(to - from, null);
        phase = p;
        for (int i = from; i < to; i++) {
            api.submitCommand(commands[i]);
        }
        await(p.done, "results of the warm-up");
        phase = null;
        if (p.failures > 0) {
            throw new IllegalStateException("exchange-core rejected " + p.failures + " commands, first: " + p.firstFailure);
        }
    }

    private void expectSuccess(Future<CommandResultCode> future, String what) {
        CommandResultCode code = await(future, what);
        if (code != CommandResultCode.SUCCESS) {
            throw new IllegalStateException("exchange-core " + what + ": " + code);
        }
    }

    private <T> T await(Future<T> future, String what) {
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out waiting for exchange-core (" + what + "); "
                    + "is the JVM running with the --add-opens flags run.sh passes?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("exchange-core failed: " + what, e.getCause());
        }
    }

    /** Stops exchange-core's threads, which spin and yield on both cores while they live. */
    @Override
    public void close() {
        core.shutdown(5, TimeUnit.SECONDS);
    }
}
