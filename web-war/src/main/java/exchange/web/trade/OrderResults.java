package exchange.web.trade;

import exchange.api.event.MatchOutcome;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An order as it stands once the engine has answered its placing and settlement has recorded
 * that answer: what a client asking for the order's result (not just its acceptance) gets. The
 * engine works asynchronously, so this waits a bounded time and then answers with what is known.
 */
@ApplicationScoped
public class OrderResults {
    private static final long POLL_MILLIS = 10;
    @EJB
    private OrderService orders;
    @Inject
    private PlacementOutcomes outcomes;
    @Inject
    @ConfigProperty(name = "exchange.api.order-result-wait-ms", defaultValue = "3000")
    private long waitMillis;

    public OrderView settled(long userId, OrderView placed) {
        long deadline = System.currentTimeMillis() + waitMillis;
        MatchOutcome outcome = outcomes.await(placed.orderId(), waitMillis);
        if (outcome == null) {
            return placed;
        }
        // Every fill of a place command is the placed order's, as the taker.
        BigDecimal filled = outcome.fills().stream().map(MatchOutcome.Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean ends = outcome.orders().stream().anyMatch(s -> s.orderId() == placed.orderId() && !"RESTING".equals(s.status()));
        for (;;) {
            OrderView now = orders.order(userId, placed.orderId()).orElse(placed);
            boolean open = "NEW".equals(now.status()) || "PARTIALLY_FILLED".equals(now.status());
            if ((now.executedQuantity().compareTo(filled) >= 0 && (!ends || !open)) || System.currentTimeMillis() > deadline) {
                return now;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }
}
