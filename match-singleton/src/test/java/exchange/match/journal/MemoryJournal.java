package exchange.match.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * A journal in a list, for unit tests that need to inject the faults a broker shows rarely: an
 * append that lands but is not confirmed, or an append that does not land. The RocketMQ journal
 * itself is tested against the real broker in exchange-it.
 */
final class MemoryJournal implements Journal {
    private final List<byte[]> entries = new ArrayList<>();
    /** The next n appends store the entry and then report failure. */
    int landButFail;
    /** The next n appends fail without storing. */
    int failOutright;

    @Override
    public synchronized long append(byte[] entry) throws JournalException {
        if (failOutright > 0) {
            failOutright--;
            throw new JournalException("broker unreachable (injected)");
        }
        entries.add(entry.clone());
        if (landButFail > 0) {
            landButFail--;
            throw new JournalException("flush not confirmed (injected)");
        }
        return entries.size() - 1;
    }

    @Override
    public synchronized long read(long from, long max, EntryReader reader) throws JournalException {
        long at = from;
        try {
            while (at < entries.size() && at - from < max) {
                reader.entry(at, entries.get((int) at));
                at++;
            }
        } catch (java.io.IOException e) {
            throw new JournalException("entry " + at + " unreadable", e);
        }
        return at;
    }

    @Override
    public synchronized long end() {
        return entries.size();
    }

    synchronized int size() {
        return entries.size();
    }

    @Override
    public void close() {
    }
}
