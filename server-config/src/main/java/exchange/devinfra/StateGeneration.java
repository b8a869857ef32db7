package exchange.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The engine's journal (in the broker's store under the work dir), the databases and Redis are one
 * state: the databases are projections of the journal, the engine refuses to start on a journal its
 * snapshots were not taken from, and Redis keys name database ids (lock-outs per operator id,
 * sessions per user id). A work dir that is new, or of an earlier generation (before the journal
 * held balances), therefore starts with all three empty.
 */
final class StateGeneration {
    private static final String CURRENT = "2 engine journal owns balances";

    private StateGeneration() {
    }

    static boolean isNew(Path work) throws IOException {
        Path marker = work.resolve("state-generation");
        return !(Files.exists(marker) && Files.readString(marker).trim().equals(CURRENT));
    }

    /** Empties the broker's store; the caller empties the databases and Redis, then {@link #mark}s. */
    static void emptyBrokerStore(Path work) throws IOException {
        Path store = work.resolve("rocketmq").resolve("store");
        if (Files.exists(store)) {
            try (var paths = Files.walk(store)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void mark(Path work) throws IOException {
        Files.writeString(work.resolve("state-generation"), CURRENT + "\n");
        System.out.println("[devinfra] new state generation: databases, Redis and the broker's store start empty");
    }
}
