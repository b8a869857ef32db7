package exchange.match.journal;

import exchange.match.core.Command;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal entry: the commands the sequencer took together, in their order, numbered from
 * {@code sequence} (the engine's count of commands before them), written under the leader's
 * {@code epoch}. The number makes a replay idempotent: an entry appended twice (a retry after an
 * answer that never came) is applied once, because the second copy's numbers are already behind.
 */
public record CommandBatch(long epoch, long sequence, List<Command> commands) {
    /** "EXJ" and the format's version. */
    private static final int MAGIC = 0x45584A01;
    /** A batch above this is a bug, not a load: the sequencer takes at most a few thousand. */
    public static final int MAX_COMMANDS = 1 << 16;

    public CommandBatch {
        if (commands.isEmpty() || commands.size() > MAX_COMMANDS) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_COMMANDS + " commands, not " + commands.size());
        }
        commands = List.copyOf(commands);
    }

    /** The sequence of the command after this batch. */
    public long next() {
        return sequence + commands.size();
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + commands.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeLong(epoch);
            out.writeLong(sequence);
            out.writeInt(commands.size());
            for (Command c : commands) {
                Command.writeTagged(c, out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Reads an entry; anything that is not a whole batch of this format is an IOException. */
    public static CommandBatch decode(byte[] entry) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a command batch of this format");
            }
            long epoch = in.readLong();
            long sequence = in.readLong();
            int count = in.readInt();
            if (count <= 0 || count > MAX_COMMANDS) {
                throw new IOException("batch of " + count + " commands");
            }
            List<Command> commands = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                commands.add(Command.read(in));
            }
            if (in.read() != -1) {
                throw new IOException("bytes after the batch's last command");
            }
            return new CommandBatch(epoch, sequence, commands);
        } catch (RuntimeException e) {
            // An enum ordinal or a string out of range: a corrupt entry, never a crash of the reader.
            throw new IOException("corrupt command batch", e);
        }
    }
}
