package exchange.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (a consumed event) instead of sleeping a guessed time. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T get(Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing within " + timeout);
            }
            pause();
        }
    }

    public static void holds(Duration timeout, String what, BooleanSupplier condition) {
        get(timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
