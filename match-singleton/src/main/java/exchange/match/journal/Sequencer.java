package exchange.match.journal;

import exchange.match.core.Command;
import exchange.match.core.TradingCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's one thread: it takes the commands that arrived together, numbers them, stamps the
 * batch with the time and gives each new order its id, appends the batch to the journal and waits
 * until it is confirmed on disk, then applies it to the core, hands the results to the sink and
 * only then answers the callers (exchange-core's order: journal, then results). Nothing is answered
 * that a restart would not find again.
 *
 * <p>A journal that does not confirm an append stops the engine in place: it retries the same
 * batch until the journal takes it and answers nothing meanwhile (callers' waits time out; a
 * caller that retries with its clientOrderId is placed once). If the unconfirmed append did land,
 * the journal holds the batch twice and the replay applies it once, by its numbers.
 */
public final class Sequencer implements Runnable {
    private static final Logger LOG = Logger.getLogger(Sequencer.class.getName());
    /** Commands per journal entry at most: about 100 kB, well under the broker's 4 MB message limit. */
    public static final int MAX_BATCH = 1024;
    public static final int QUEUE_CAPACITY = 1 << 16;

    /** The engine did not take the command: it is stopping, or its queue is full. Nothing was done. */
    public static final class EngineUnavailable extends RuntimeException {
        public EngineUnavailable(String message) {
            super(message);
        }
    }

    /** Writes a snapshot taken on the engine's thread; may do so on another thread. */
    public interface SnapshotWriter {
        void write(long sequence, long position, byte[] state);
    }

    private record Pending(Command command, CompletableFuture<Outcome> answer) {
    }

    private final BlockingQueue<Pending> inbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Queue<Runnable> queries = new ConcurrentLinkedQueue<>();
    private final EngineState state;
    private final Journal journal;
    private final EventSink sink;
    private final LongSupplier clock;
    private final long epoch;
    private final SnapshotWriter snapshots;
    private final long snapshotEveryMillis;
    private volatile boolean running = true;
    private long nextOrderId;
    private long lastTime;
    private volatile long unconfirmedAppends;
    private long snapshotSequence;
    private long lastSnapshotAt;

    public Sequencer(EngineState state, Journal journal, EventSink sink, LongSupplier clock, long epoch,
                     SnapshotWriter snapshots, long snapshotEveryMillis) {
        this(state, journal, sink, clock, epoch, snapshots, snapshotEveryMillis, state.sequence());
    }

    /**
     * @param snapshotAt the sequence of the snapshot the state was restored from (0: none): a state
     *                   that replayed entries after it is snapshotted again soon, not only after
     *                   the next command
     */
    public Sequencer(EngineState state, Journal journal, EventSink sink, LongSupplier clock, long epoch,
                     SnapshotWriter snapshots, long snapshotEveryMillis, long snapshotAt) {
        this.state = state;
        this.journal = journal;
        this.sink = sink;
        this.clock = clock;
        this.epoch = Math.max(epoch, state.epoch());
        this.snapshots = snapshots;
        this.snapshotEveryMillis = snapshotEveryMillis;
        this.nextOrderId = state.core().lastOrderId() + 1;
        this.lastTime = state.core().now();
        this.snapshotSequence = snapshotAt;
        this.lastSnapshotAt = clock.getAsLong();
    }

    /**
     * Queues a command. A {@link Command.Place} with order id 0 gets the next id when its batch is
     * formed. The answer completes once the command is journaled and applied.
     */
    public CompletableFuture<Outcome> submit(Command command) {
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        if (!running) {
            answer.completeExceptionally(new EngineUnavailable("the engine is stopping"));
        } else if (!inbox.offer(new Pending(command, answer))) {
            answer.completeExceptionally(new EngineUnavailable("the engine's queue is full"));
        }
        return answer;
    }

    /** Runs a read on the engine's thread between two batches, so it never sees a half-applied one. */
    public <T> CompletableFuture<T> query(Function<TradingCore, T> read) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        queries.add(() -> {
            try {
                answer.complete(read.apply(state.core()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<Pending> taken = new ArrayList<>(MAX_BATCH);
        try {
            while (running) {
                Pending first = inbox.poll(20, TimeUnit.MILLISECONDS);
                if (first != null) {
                    taken.add(first);
                    inbox.drainTo(taken, MAX_BATCH - 1);
                    process(taken);
                    taken.clear();
                }
                for (Runnable query; (query = queries.poll()) != null; ) {
                    query.run();
                }
                snapshotIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            EngineUnavailable gone = new EngineUnavailable("the engine stopped before journaling the command");
            taken.forEach(p -> p.answer().completeExceptionally(gone));
            for (Pending p; (p = inbox.poll()) != null; ) {
                p.answer().completeExceptionally(gone);
            }
            for (Runnable query; (query = queries.poll()) != null; ) {
                query.run();
            }
        }
    }

    private void process(List<Pending> taken) throws InterruptedException {
        List<Command> commands = form(taken);
        CommandBatch batch = new CommandBatch(epoch, state.sequence(), commands);
        long t0 = System.nanoTime();
        List<Outcome> outcomes = appendAndApply(batch);
        while (outcomes == null) {
            if (state.epoch() > epoch) {
                // Another engine leads now: this batch does not count, and nothing more of ours will.
                running = false;
                EngineUnavailable deposed = new EngineUnavailable("another engine took over (epoch " + state.epoch()
                        + " after this one's " + epoch + "); nothing of this command was done");
                taken.forEach(p -> p.answer().completeExceptionally(deposed));
                taken.clear();
                LOG.warning("Engine of epoch " + epoch + " deposed by epoch " + state.epoch() + " at journal position "
                        + state.position() + "; it stops taking commands");
                return;
            }
            // Entries of an older epoch got in ahead of this batch (a deposed leader that had not yet
            // noticed): they count, and this batch's numbers and order ids are behind them now.
            nextOrderId = Math.max(nextOrderId, state.core().lastOrderId() + 1);
            lastTime = state.core().now();
            commands = form(taken);
            batch = new CommandBatch(epoch, state.sequence(), commands);
            outcomes = appendAndApply(batch);
        }
        long t1 = System.nanoTime();
        try {
            sink.beforeAnswers(batch, outcomes);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "engine results not noted at sequence " + batch.sequence(), e);
        }
        // Answered as soon as applied: handing the results on (market data, their translation)
        // is not the callers' wait.
        int first = commands.size() - taken.size();
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).answer().complete(outcomes.get(first + i));
        }
        long t2 = System.nanoTime();
        try {
            sink.applied(batch, outcomes);
        } catch (RuntimeException e) {
            // The results are journaled; a sink that failed is fed again by the next start's replay.
            LOG.log(Level.SEVERE, "engine results not handed on at sequence " + batch.sequence(), e);
        }
        stats.add(taken.size(), t1 - t0, t2 - t1, System.nanoTime() - t2);
    }

    private final Stats stats = new Stats();

    /** The batch's commands: the time first when it moved, new orders given their ids. */
    private List<Command> form(List<Pending> taken) {
        List<Command> commands = new ArrayList<>(taken.size() + 1);
        long now = Math.max(lastTime, clock.getAsLong());
        if (now != lastTime) {
            commands.add(new Command.SetTime(now));
            lastTime = now;
        }
        for (Pending p : taken) {
            commands.add(p.command() instanceof Command.Place place && place.orderId() == 0
                    ? withId(place, nextOrderId++) : p.command());
        }
        return commands;
    }

    /**
     * Appends the batch and applies the journal up to and including it. The append is a compare:
     * the journal's answer says where the batch landed, and whatever landed between the end this
     * engine had read and its batch is read and applied first, as a replay would: an earlier copy
     * of this same batch (an append that landed but was not confirmed), or another writer's
     * entries. Returns this batch's outcomes, or null when it does not count (fenced off by a
     * newer epoch, or numbered behind an older epoch's entries that got in first), so that what
     * is answered as accepted is exactly what every replay of the journal applies.
     */
    private List<Outcome> appendAndApply(CommandBatch batch) throws InterruptedException {
        long at = appendUntilConfirmed(batch.encode());
        try {
            if (at == state.position()) {
                return state.apply(at, batch);
            }
            List<List<Outcome>> mine = new ArrayList<>(1);
            while (state.position() <= at) {
                readUntilDone(state.position(), at + 1 - state.position(), (position, entry) -> {
                    CommandBatch found;
                    try {
                        found = CommandBatch.decode(entry);
                    } catch (java.io.IOException notABatch) {
                        LOG.severe("journal entry " + position + " is not a command batch and is skipped: " + notABatch.getMessage());
                        return;
                    }
                    List<Outcome> counted = state.apply(position, found);
                    if (counted == null) {
                        return;
                    }
                    if (mine.isEmpty() && found.epoch() == batch.epoch() && found.sequence() == batch.sequence()) {
                        mine.add(counted);
                    } else {
                        // Another writer's entry that counts: its results go on like ours.
                        try {
                            sink.beforeAnswers(found, counted);
                            sink.applied(found, counted);
                        } catch (RuntimeException e) {
                            LOG.log(Level.SEVERE, "engine results not handed on at sequence " + found.sequence(), e);
                        }
                    }
                });
            }
            return mine.isEmpty() ? null : mine.get(0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the journal up to the engine's own batch does not follow its state", e);
        }
    }

    private void readUntilDone(long from, long max, Journal.EntryReader reader) throws InterruptedException {
        long wait = 10;
        while (true) {
            try {
                journal.read(from, max, reader);
                return;
            } catch (Journal.JournalException e) {
                if (!running) {
                    throw new InterruptedException("stopped while the journal could not be read");
                }
                LOG.warning("journal not readable up to the engine's own batch (" + e.getMessage() + "); retrying in " + wait + " ms");
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 1000);
            }
        }
    }

    /** What the last minute's batches cost, logged once a minute: the journal's latency is the engine's floor. */
    private static final class Stats {
        private long since = System.nanoTime();
        private long batches;
        private long commands;
        private long appendNanos;
        private long maxAppendNanos;
        private long applyNanos;
        private long handOnNanos;

        void add(int size, long append, long apply, long handOn) {
            batches++;
            commands += size;
            appendNanos += append;
            maxAppendNanos = Math.max(maxAppendNanos, append);
            applyNanos += apply;
            handOnNanos += handOn;
            long now = System.nanoTime();
            if (now - since >= 60_000_000_000L) {
                LOG.info(String.format("engine: %d batches, %.1f commands per batch, append %.2f ms (max %.1f ms),"
                                + " apply %.2f ms, hand on %.2f ms per batch", batches, commands / (double) batches,
                        appendNanos / 1e6 / batches, maxAppendNanos / 1e6, applyNanos / 1e6 / batches,
                        handOnNanos / 1e6 / batches));
                since = now;
                batches = commands = appendNanos = maxAppendNanos = applyNanos = handOnNanos = 0;
            }
        }
    }

    private long appendUntilConfirmed(byte[] entry) throws InterruptedException {
        long wait = 10;
        while (true) {
            try {
                return journal.append(entry);
            } catch (Journal.JournalException e) {
                unconfirmedAppends++;
                if (!running) {
                    throw new InterruptedException("stopped while the journal did not confirm a batch");
                }
                if (wait == 10) {
                    LOG.log(Level.WARNING, "journal did not confirm a batch; retrying until it does", e);
                } else {
                    LOG.warning("journal still does not confirm the batch (" + e.getMessage() + "); retrying in " + wait + " ms");
                }
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 1000);
            }
        }
    }

    private void snapshotIfDue() {
        long now = clock.getAsLong();
        if (snapshots == null || state.sequence() == snapshotSequence || now - lastSnapshotAt < snapshotEveryMillis) {
            return;
        }
        snapshotSequence = state.sequence();
        lastSnapshotAt = now;
        try {
            snapshots.write(state.sequence(), state.position(), state.snapshot());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "engine snapshot not written; the journal still holds everything", e);
        }
    }

    private static Command.Place withId(Command.Place p, long orderId) {
        return new Command.Place(orderId, p.userId(), p.market(), p.side(), p.type(), p.tif(), p.price(), p.reserve(),
                p.lots(), p.budget(), p.stp(), p.clientOrderId());
    }

    /** Appends the journal did not confirm since the start (each retried): a broker in trouble. */
    public long unconfirmedAppends() {
        return unconfirmedAppends;
    }

    /** The engine's state; only for the thread that runs it, or after it stopped. */
    EngineState state() {
        return state;
    }
}
