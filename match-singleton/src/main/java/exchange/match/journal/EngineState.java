package exchange.match.journal;

import exchange.match.core.Command;
import exchange.match.core.CoreSnapshot;
import exchange.match.core.EventRecorder;
import exchange.match.core.ResultCode;
import exchange.match.core.TradingCore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The core together with where it stands in the journal: the sequence of the next command and the
 * position of the next entry. Only the thread that owns it (the sequencer, or a replay) touches it.
 * Entries are applied by their numbers: one already applied (a copy left by a retried append) is
 * skipped, one that leaves a gap is an error, and one written under an older leader's epoch than
 * an entry already applied does not count (the fence a deposed leader cannot cross).
 */
public final class EngineState {
    private final TradingCore core;
    private final EventRecorder recorder;
    private final Directory directory;
    private long sequence;
    private long position;
    private long epoch;

    private EngineState(TradingCore core, EventRecorder recorder, Directory directory, long sequence, long position) {
        this.core = core;
        this.directory = directory;
        this.recorder = recorder;
        this.sequence = sequence;
        this.position = position;
    }

    public static EngineState empty() {
        return empty(0);
    }

    /** An empty engine whose journal starts at {@code position} (a log that held another run before). */
    public static EngineState empty(long position) {
        EventRecorder recorder = new EventRecorder();
        return new EngineState(new TradingCore(recorder), recorder, new Directory(), 0, position);
    }

    /** A state read back from {@link #snapshot()}'s bytes. */
    public static EngineState restore(long sequence, long position, byte[] snapshot) throws IOException {
        EventRecorder recorder = new EventRecorder();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(snapshot)), 1 << 16))) {
            long epoch = in.readLong();
            Directory directory = new Directory();
            directory.read(in);
            EngineState state = new EngineState(CoreSnapshot.read(in, recorder), recorder, directory, sequence, position);
            state.epoch = epoch;
            return state;
        }
    }

    /** The whole state, compressed; its sequence and position are stored beside it. */
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(bytes), 1 << 16))) {
            out.writeLong(epoch);
            directory.write(out);
            CoreSnapshot.write(core, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Applies an entry found at {@code at} in the journal. Returns each command's outcome, or null
     * when the entry does not count (already applied, or fenced off).
     */
    public List<Outcome> apply(long at, CommandBatch batch) throws IOException {
        position = Math.max(position, at + 1);
        if (batch.epoch() < epoch || batch.next() <= sequence) {
            return null;
        }
        if (batch.sequence() != sequence) {
            throw new IOException("journal entry at " + at + " starts at command " + batch.sequence()
                    + " but the engine is at " + sequence + ": commands are missing");
        }
        epoch = batch.epoch();
        List<Outcome> outcomes = new ArrayList<>(batch.commands().size());
        for (Command command : batch.commands()) {
            ResultCode code;
            try {
                code = command.applyTo(core);
            } catch (RuntimeException e) {
                // Deterministic like every other answer: the same command fails the same way on replay.
                code = ResultCode.ENGINE_ERROR;
            }
            if (code.accepted() && (command instanceof Command.AddAsset || command instanceof Command.AddMarket)) {
                directory.record(command);
            }
            outcomes.add(new Outcome(sequence++, core.now(), command, code, recorder.drain()));
        }
        return outcomes;
    }

    public TradingCore core() {
        return core;
    }

    /** The names of the core's assets and markets; changes only on the engine's thread. */
    public Directory directory() {
        return directory;
    }

    /** The sequence the next command will take. */
    public long sequence() {
        return sequence;
    }

    /** The journal position after the last entry seen. */
    public long position() {
        return position;
    }

    public long epoch() {
        return epoch;
    }
}
