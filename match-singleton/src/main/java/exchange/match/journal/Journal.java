package exchange.match.journal;

import java.io.IOException;

/**
 * The engine's journal: an ordered log of entries, each durable once {@link #append} returns. The
 * sequencer writes it; recovery, the standby and the replay tool read it. Positions are the log's
 * own (a RocketMQ queue offset), dense and increasing.
 */
public interface Journal extends AutoCloseable {
    /** Appends one entry and returns its position; throws when the store did not confirm it on disk. */
    long append(byte[] entry) throws JournalException;

    /**
     * Hands the entries from {@code from} on, at most {@code max} of them and none past the
     * current end, to the reader in order, and returns the position after the last one read.
     */
    long read(long from, long max, EntryReader reader) throws JournalException;

    /** The position the next append will take: the journal's current end. */
    long end() throws JournalException;

    @Override
    void close();

    interface EntryReader {
        void entry(long position, byte[] entry) throws IOException;
    }

    /** The journal could not be written or read; what was appended before is unaffected. */
    final class JournalException extends Exception {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }

        public JournalException(String message) {
            super(message);
        }
    }
}
