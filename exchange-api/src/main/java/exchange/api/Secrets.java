package exchange.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A secret from configuration: given as a value (often an environment variable) or as a file holding it. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * The value when it is set, else the trimmed content of the file when that is set, else empty.
     * A set file that cannot be read is an UncheckedIOException naming only the file.
     */
    public static Optional<String> valueOrFile(Optional<String> value, Optional<String> file) {
        if (value.filter(v -> !v.isBlank()).isPresent()) {
            return value.map(String::trim);
        }
        if (file.filter(f -> !f.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(file.get())).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("secret file " + file.get() + " cannot be read: " + e.getClass().getSimpleName(),
                    new IOException(e.getClass().getSimpleName()));
        }
    }
}
