package exchange.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file per started component, so the shell script can wait for "ready" instead of guessing. */
final class Ready {
    private Ready() {
    }

    static void mark(Path work, String component) throws IOException {
        Files.createDirectories(work.resolve("run"));
        Files.writeString(work.resolve("run").resolve(component + ".ready"), Long.toString(ProcessHandle.current().pid()));
    }
}
