package exchange.web.trade;

import exchange.api.event.MatchOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's answers to place commands, as this node's broadcast consumer sees them, for a
 * request that wants to answer with the order's result (Binance's RESULT and FULL responses)
 * rather than its acceptance. The engine may answer before the request starts waiting, so recent
 * answers are kept for a while.
 */
@ApplicationScoped
public class PlacementOutcomes {
    private static final int RECENT = 20_000;
    private final Map<Long, CompletableFuture<MatchOutcome>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, MatchOutcome> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, MatchOutcome> eldest) {
            return size() > RECENT;
        }
    };

    public void engineAnswered(MatchOutcome outcome) {
        if (!"PLACE".equals(outcome.command())) {
            return;
        }
        synchronized (recent) {
            recent.put(outcome.orderId(), outcome);
        }
        CompletableFuture<MatchOutcome> f = waiting.remove(outcome.orderId());
        if (f != null) {
            f.complete(outcome);
        }
    }

    /** The engine's answer to placing the order, or null if none came within the time. */
    public MatchOutcome await(long orderId, long timeoutMillis) {
        CompletableFuture<MatchOutcome> f = waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
        synchronized (recent) {
            MatchOutcome known = recent.get(orderId);
            if (known != null) {
                waiting.remove(orderId);
                return known;
            }
        }
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            waiting.remove(orderId, f);
        }
    }
}
