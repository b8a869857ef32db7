package exchange.wallet.chain;

import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Tells a node's trouble (unreachable, refusing, timed out, its circuit open) from a bug, through
 * whatever wrapped it on the way (an EJB boundary wraps what is not an application exception).
 */
public final class NodeTrouble {
    private NodeTrouble() {
    }

    /**
     * A Fault Tolerance failure as the application exception it means: rolled back, not logged by
     * the container with a stack trace on every pass while a node is away.
     */
    public static ChainUnavailableException unavailable(FaultToleranceException failure) {
        return new ChainUnavailableException(of(failure).orElse(failure.toString()), failure);
    }

    /** What went wrong with the node, for operators; empty when the failure is not the node's. */
    public static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ChainUnavailableException) {
                return Optional.of(String.valueOf(t.getMessage()));
            }
            if (t instanceof CircuitBreakerOpenException) {
                return Optional.of("node calls suspended after repeated failures (circuit breaker open)");
            }
            if (t instanceof TimeoutException) {
                return Optional.of("node call timed out");
            }
            if (t instanceof FaultToleranceException) {
                return Optional.of(t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
