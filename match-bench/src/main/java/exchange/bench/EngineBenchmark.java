package exchange.bench;

import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.api.ApiCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Throughput and latency of our matching book against exchange-core 0.5.3 on one seeded command
 * stream, with a check that both ended with the same book. See match-bench/run.sh for how to run
 * it; parameters are listed by {@link BenchConfig#usage()}.
 *
 * <p>Order of events, and why: the stream is generated first (it simulates on our book, which also
 * warms our book's code). Our engine is timed next, while no exchange-core thread exists: on two
 * cores exchange-core's yielding threads would otherwise steal our CPU. exchange-core's book is
 * then timed alone on this thread, and finally the whole exchange-core pipeline, which is shut down
 * before the report. Every engine first makes one untimed pass over the whole stream, so that no
 * timed run pays for JIT compilation, then {@code runs} timed passes; the median is reported.
 * The last line is the figure callers key on: {@code engine/exchange-core throughput ratio: X.XX}
 * (ours divided by exchange-core end to end).
 */
public final class EngineBenchmark {
    private final BenchConfig cfg;
    private final Report report;
    private boolean failed;

    private EngineBenchmark(BenchConfig cfg, Report report) {
        this.cfg = cfg;
        this.report = report;
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        BenchConfig cfg;
        CoreWaitStrategy wait;
        try {
            cfg = BenchConfig.parse(args);
            wait = CoreWaitStrategy.valueOf(cfg.coreWait);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if ((cfg.exchangeCore || cfg.exchangeCoreBookOnly) && !exchangeCoreCanRun()) {
            System.err.println("exchange-core needs: --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
                    + " --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED"
                    + " --add-exports java.base/jdk.internal.ref=ALL-UNNAMED (run.sh passes them)");
            System.exit(2);
            return;
        }
        System.exit(new EngineBenchmark(cfg, new Report(System.out)).run(wait));
    }

    /** Without these exchange-core's first command throws inside its pipeline and everything stalls. */
    private static boolean exchangeCoreCanRun() {
        Module base = Object.class.getModule();
        Module us = EngineBenchmark.class.getModule();
        return base.isOpen("sun.nio.ch", us) && base.isOpen("java.nio", us) && base.isOpen("java.lang", us)
                && base.isExported("jdk.internal.ref", us);
    }

    private int run(CoreWaitStrategy wait) {
        report.title("match-bench: exchange.match.book.OrderBook vs exchange-core 0.5.3");
        report.line("java %s, %d cpus, max heap %,d MB, load average %s", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());

        StreamGenerator generator = new StreamGenerator(cfg);
        CommandStream stream = generator.generate();
        describeStream(stream, generator.stats());

        // 1. Our engine, alone on the machine as far as this JVM is concerned.
        report.title("engine: exchange.match.book.OrderBook, 1 thread, direct calls, counting listener");
        EngineRunner ours = new EngineRunner(stream);
        EngineRunner.Result[] ourResults = timedRuns(ours::throughput, EngineRunner.Result[]::new);
        double[] ourRuns = new double[cfg.runs];
        for (int r = 0; r < cfg.runs; r++) {
            EngineRunner.Result result = ourResults[r];
            ourRuns[r] = result.opsPerSecond();
            report.line("run %d: %,d commands in %.3f s = %s", r + 1, result.commands, result.nanos / 1e9,
                    Report.mops(result.opsPerSecond()));
            if (result.stateHash != ourResults[0].stateHash) {
                fail("our engine is not deterministic: run %d ended with a different book", r + 1);
            }
            if (result.events.rejected > 0) {
                fail("our engine rejected %d commands of the stream", result.events.rejected);
            }
        }
        EngineRunner.Result ourLast = ourResults[cfg.runs - 1];
        BookSnapshot ourBook = ourLast.book;
        double ourMedian = Report.median(ourRuns);
        report.line("throughput (median of %d): %s", cfg.runs, Report.mops(ourMedian));
        report.line("events in a timed part: %,d trades, %,d rests, %,d done", ourLast.events.trades,
                ourLast.events.rested, ourLast.events.done);
        System.gc();
        Percentiles ourLatency = ours.latency();
        report.line("latency = service time of each call (System.nanoTime around it, separate pass):");
        report.line("  %s", ourLatency.format());
        report.line("final book: %s", ourBook.describe());
        report.flush();

        // 2. exchange-core's book without its pipeline: the like-for-like comparison.
        double coreBookMedian = Double.NaN;
        double[] coreBookRuns = new double[0];
        Percentiles coreBookLatency = null;
        if (cfg.exchangeCoreBookOnly) {
            report.title("exchange-core book only: OrderBookDirectImpl, 1 thread, direct calls (no disruptor)");
            CoreBookRunner coreBook = new CoreBookRunner(stream);
            CoreBookRunner.Result[] results = timedRuns(coreBook::throughput, CoreBookRunner.Result[]::new);
            double[] runs = coreBookRuns = new double[cfg.runs];
            for (int r = 0; r < cfg.runs; r++) {
                CoreBookRunner.Result result = results[r];
                runs[r] = result.opsPerSecond();
                report.line("run %d: %,d commands in %.3f s = %s", r + 1, result.commands, result.nanos / 1e9,
                        Report.mops(result.opsPerSecond()));
                if (result.failures > 0) {
                    fail("exchange-core's book refused %d commands", result.failures);
                }
                compareBooks("book-only run " + (r + 1), result.book, ourBook);
            }
            coreBookMedian = Report.median(runs);
            report.line("throughput (median of %d): %s", cfg.runs, Report.mops(coreBookMedian));
            System.gc();
            coreBookLatency = coreBook.latency();
            report.line("latency = service time of each call (System.nanoTime around it, separate pass):");
            report.line("  %s", coreBookLatency.format());
            report.flush();
        }

        // 3. exchange-core end to end; its threads live only inside this block.
        double coreMedian = Double.NaN;
        double[] coreRuns = new double[0];
        CoreRunner.Latency coreLatency = null;
        if (cfg.exchangeCore) {
            report.title("exchange-core 0.5.3 end to end: " + CoreRunner.configuration(wait, false));
            ApiCommand[] apiCommands = CoreCommands.toApiCommands(stream);
            try (CoreRunner core = new CoreRunner(stream, apiCommands, cfg.timeoutSeconds, wait, false)) {
                CoreRunner.Result[] results = coreRuns(core);
                double[] runs = coreRuns = new double[cfg.runs];
                for (int r = 0; r < cfg.runs; r++) {
                    CoreRunner.Result result = results[r];
                    runs[r] = result.opsPerSecond();
                    report.line("run %d: %,d commands in %.3f s = %s (first submit to last result)", r + 1,
                            result.commands, result.nanos / 1e9, Report.mops(result.opsPerSecond()));
                    if (result.failures > 0) {
                        fail("exchange-core refused %d commands, first: %s", result.failures, result.firstFailure);
                    }
                    compareBooks("end-to-end run " + (r + 1), result.book, ourBook);
                }
                coreMedian = Report.median(runs);
                report.line("throughput (median of %d): %s", cfg.runs, Report.mops(coreMedian));
                report.flush();
                if (cfg.coreLatencyCommands > 0) {
                    System.gc();
                    coreLatency = core.pacedLatency(cfg.coreLatencyCommands, cfg.coreLatencyRate);
                    report.line("latency = submit to result through the pipeline, first %,d timed commands"
                                    + " paced at %,d ops/s (achieved %,.0f):",
                            coreLatency.percentiles.samples, cfg.coreLatencyRate, coreLatency.achievedRate);
                    report.line("  %s", coreLatency.percentiles.format());
                }
            }
            report.line("exchange-core shut down");
            report.flush();
        }

        // 4. The whole core (books and balances) against exchange-core with its risk engine on.
        RiskFigures risk = cfg.risk ? runWithRisk(wait) : null;

        report.title("summary");
        report.line("%,d timed commands after %,d warm-up commands (seed %d); medians of %d timed runs;"
                + " load average now %s", stream.measured(), stream.warmup, cfg.seed, cfg.runs, loadAverage());
        report.line("%-43s %s  (best %s; runs %s)", "engine (OrderBook) throughput:", Report.mops(ourMedian),
                Report.mops(Report.best(ourRuns)), Report.runs(ourRuns));
        if (cfg.exchangeCoreBookOnly) {
            report.line("%-43s %s  (best %s; runs %s)", "exchange-core book-only throughput:",
                    Report.mops(coreBookMedian), Report.mops(Report.best(coreBookRuns)), Report.runs(coreBookRuns));
        }
        if (cfg.exchangeCore) {
            report.line("%-43s %s  (best %s; runs %s)", "exchange-core end-to-end throughput:",
                    Report.mops(coreMedian), Report.mops(Report.best(coreRuns)), Report.runs(coreRuns));
        }
        report.line("%-43s %s", "engine latency (service time):", ourLatency.format());
        if (coreBookLatency != null) {
            report.line("%-43s %s", "exchange-core book latency (service time):", coreBookLatency.format());
        }
        if (coreLatency != null) {
            report.line("%-43s %s", "exchange-core latency (submit->result):", coreLatency.percentiles.format());
        }
        if (cfg.exchangeCoreBookOnly) {
            report.line("engine/exchange-core book-only throughput ratio: %.2f (medians), %.2f (best runs)",
                    ourMedian / coreBookMedian, Report.best(ourRuns) / Report.best(coreBookRuns));
        }
        if (cfg.exchangeCore) {
            report.line("engine/exchange-core end-to-end ratio of best runs: %.2f (less sensitive to other load)",
                    Report.best(ourRuns) / Report.best(coreRuns));
        }
        if (risk != null) {
            report.line("%-43s %s  (best %s; runs %s)", "engine+risk (TradingCore) throughput:", Report.mops(risk.oursMedian),
                    Report.mops(Report.best(risk.ours)), Report.runs(risk.ours));
            if (cfg.exchangeCore) {
                report.line("%-43s %s  (best %s; runs %s)", "exchange-core (risk on) throughput:",
                        Report.mops(risk.coreMedian), Report.mops(Report.best(risk.core)), Report.runs(risk.core));
            }
            report.line("%-43s %s", "engine+risk latency (service time):", risk.latency.format());
        }
        report.line("final books%s: %s", risk != null && cfg.exchangeCore ? " and balances" : "",
                failed ? "see ERROR lines above" : "identical");
        report.flush();
        // The last line, always in this form: callers parse it. It compares against exchange-core
        // at its fastest here (its bare book, when that was run, beats its own pipeline), so the
        // figure is the conservative one.
        double fastestCore = Math.max(cfg.exchangeCore ? coreMedian : 0, cfg.exchangeCoreBookOnly ? coreBookMedian : 0);
        System.out.printf(Locale.ROOT, "engine/exchange-core throughput ratio: %s%n",
                fastestCore > 0 ? String.format(Locale.ROOT, "%.2f", ourMedian / fastestCore) : "n/a (core=false)");
        if (risk != null) {
            // The figure #15 keys on, always last when risk=true.
            System.out.printf(Locale.ROOT, "engine+risk/exchange-core(risk on) ratio: %s%n", cfg.exchangeCore
                    ? String.format(Locale.ROOT, "%.2f", risk.oursMedian / risk.coreMedian) : "n/a (core=false)");
        }
        System.out.flush();
        return failed ? 1 : 0;
    }

    private static final class RiskFigures {
        double[] ours;
        double oursMedian;
        double[] core = new double[0];
        double coreMedian = Double.NaN;
        Percentiles latency;
    }

    /**
     * A funded stream from the same seed (each user starts with random amounts of both currencies,
     * random top-ups follow, and places their owners cannot pay for are refused), through our
     * TradingCore and through exchange-core with FULL_PER_CURRENCY risk processing; both must end
     * with the same book, the same balances for every user and the same number of refusals.
     */
    private RiskFigures runWithRisk(CoreWaitStrategy wait) {
        StreamGenerator generator = new StreamGenerator(cfg);
        CommandStream stream = generator.generate(true);
        StreamGenerator.Stats st = generator.stats();
        report.title("funded command stream (engine+risk)");
        report.line("same seed and mix, bids reserved at %,d ticks; %,d deposits timed (%s), %,d places refused for"
                        + " funds in the timed part (%s of places), %,d trades; generated in %.2f s",
                stream.bidReserve, st.countsMeasured[CommandStream.DEPOSIT],
                Report.percent(st.countsMeasured[CommandStream.DEPOSIT], stream.measured()), st.rejectedMeasured,
                Report.percent(st.rejectedMeasured, st.countsMeasured[CommandStream.GTC] + st.countsMeasured[CommandStream.IOC]),
                st.tradesMeasured, st.generationNanos / 1e9);
        report.flush();

        RiskFigures f = new RiskFigures();
        report.title("engine+risk: exchange.match.core.TradingCore (books + balances + holds), 1 thread, direct calls");
        TradingCoreRunner ours = new TradingCoreRunner(stream);
        TradingCoreRunner.Result[] results = timedRuns(ours::throughput, TradingCoreRunner.Result[]::new);
        f.ours = new double[cfg.runs];
        for (int r = 0; r < cfg.runs; r++) {
            TradingCoreRunner.Result result = results[r];
            f.ours[r] = result.opsPerSecond();
            report.line("run %d: %,d commands in %.3f s = %s", r + 1, result.commands, result.nanos / 1e9,
                    Report.mops(result.opsPerSecond()));
            if (result.stateHash != results[0].stateHash) {
                fail("our core is not deterministic: run %d ended in a different state", r + 1);
            }
            if (result.events.rejected != st.rejectedMeasured) {
                fail("our core refused %,d places, the generator %,d", result.events.rejected, st.rejectedMeasured);
            }
        }
        TradingCoreRunner.Result last = results[cfg.runs - 1];
        f.oursMedian = Report.median(f.ours);
        report.line("throughput (median of %d): %s", cfg.runs, Report.mops(f.oursMedian));
        report.line("events in a timed part: %,d trades, %,d balance changes, %,d orders done, %,d refused",
                last.events.trades, last.events.balanceEvents, last.events.done, last.events.rejected);
        System.gc();
        f.latency = ours.latency();
        report.line("latency = service time of each call (System.nanoTime around it, separate pass):");
        report.line("  %s", f.latency.format());
        report.line("final book: %s", last.book.describe());
        report.flush();

        if (cfg.exchangeCore) {
            report.title("exchange-core 0.5.3 end to end: " + CoreRunner.configuration(wait, true));
            ApiCommand[] apiCommands = CoreCommands.toApiCommands(stream);
            try (CoreRunner core = new CoreRunner(stream, apiCommands, cfg.timeoutSeconds, wait, true)) {
                CoreRunner.Result[] theirs = coreRuns(core);
                f.core = new double[cfg.runs];
                for (int r = 0; r < cfg.runs; r++) {
                    CoreRunner.Result result = theirs[r];
                    f.core[r] = result.opsPerSecond();
                    report.line("run %d: %,d commands in %.3f s = %s (first submit to last result), %,d refused (RISK_NSF)",
                            r + 1, result.commands, result.nanos / 1e9, Report.mops(result.opsPerSecond()), result.refused);
                    if (result.failures > 0) {
                        fail("exchange-core failed %d commands, first: %s", result.failures, result.firstFailure);
                    }
                    if (result.refused != st.rejectedMeasured) {
                        fail("exchange-core refused %,d places, our core %,d", result.refused, st.rejectedMeasured);
                    }
                    compareBooks("risk-on run " + (r + 1), result.book, last.book);
                    String difference = TradingCoreRunner.Balances.firstDifference("exchange-core", result.balances,
                            "engine", last.balances);
                    if (difference == null) {
                        report.line("risk-on run %d: every user's balances identical to the core's (%,d users)", r + 1,
                                stream.users);
                    } else {
                        fail("risk-on run %d: balances differ at %s", r + 1, difference);
                    }
                }
                f.coreMedian = Report.median(f.core);
                report.line("throughput (median of %d): %s", cfg.runs, Report.mops(f.coreMedian));
            }
            report.line("exchange-core shut down");
            report.flush();
        }
        return f;
    }

    /** exchange-core's passes: the first on the freshly started engine, later ones after a reset. */
    private CoreRunner.Result[] coreRuns(CoreRunner core) {
        return timedRuns(new Supplier<>() {
            private boolean fresh = true;

            @Override
            public CoreRunner.Result get() {
                CoreRunner.Result result = core.throughput(!fresh);
                fresh = false;
                return result;
            }
        }, CoreRunner.Result[]::new);
    }

    /** One untimed pass over the whole stream (JIT, pools, caches), then the timed ones. */
    private <R> R[] timedRuns(Supplier<R> pass, java.util.function.IntFunction<R[]> array) {
        pass.get();
        R[] results = array.apply(cfg.runs);
        for (int r = 0; r < cfg.runs; r++) {
            System.gc(); // garbage from earlier runs should not be collected inside this one
            results[r] = pass.get();
        }
        return results;
    }

    private void describeStream(CommandStream s, StreamGenerator.Stats st) {
        report.title("command stream");
        long measured = s.measured();
        report.line("seed %d, %,d warm-up + %,d timed commands, 1 symbol, %,d users, target %,d resting orders",
                cfg.seed, s.warmup, measured, cfg.users, cfg.targetOrders);
        report.line("prices %,d..%,d ticks (start %,d); generated in %.2f s", s.minPrice, s.maxPrice,
                cfg.startPrice, st.generationNanos / 1e9);
        StringBuilder mix = new StringBuilder();
        for (byte t = 0; t < 4; t++) {
            mix.append(mix.length() == 0 ? "" : ", ").append(CommandStream.typeName(t)).append(' ')
                    .append(Report.percent(st.countsMeasured[t], measured));
        }
        report.line("timed mix: %s", mix);
        report.line("timed part: %,d trades (%.3f per command), %s of GTC places filled completely on entry,"
                        + " %.0f resting orders on average, %,d at the end",
                st.tradesMeasured, (double) st.tradesMeasured / measured,
                Report.percent(st.fullyFilledOnEntryMeasured, st.countsMeasured[CommandStream.GTC]),
                st.averageResting(), st.restingAtEnd);
        report.flush();
    }

    private void compareBooks(String what, BookSnapshot theirs, BookSnapshot ourBook) {
        String difference = BookSnapshot.firstDifference("exchange-core", theirs, "engine", ourBook);
        if (difference == null) {
            report.line("%s: final book identical to the engine's (%,d levels, %,d orders)", what,
                    theirs.levels(), theirs.orders());
        } else {
            fail("%s: final book differs from the engine's at %s", what, difference);
        }
    }

    private void fail(String format, Object... args) {
        failed = true;
        report.line("ERROR: " + format, args);
    }

    /** Other processes on a 2-core machine move these figures a lot; the report says how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2] + " (1/5/15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
