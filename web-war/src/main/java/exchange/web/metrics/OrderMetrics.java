package exchange.web.metrics;

import exchange.api.error.BusinessException;
import exchange.api.trade.OrderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Orders placed, counted where the traders' faces place them (issue #17):
 * {@code exchange_orders_accepted_total} by symbol and face, {@code exchange_orders_refused_total}
 * by reason (the error code), its HTTP status class and face. Refusals carry no symbol: what a
 * refused request names is the caller's input, and a label made of input is a series per
 * attacker's string. Anything but a business refusal counts as {@code INTERNAL}, 5xx. The
 * {@code OrderErrors} alert reads the 5xx share.
 */
@ApplicationScoped
public class OrderMetrics {
    private static final Logger LOG = Logger.getLogger(OrderMetrics.class.getName());
    /** The REST face ({@code /api/trade}). */
    public static final String REST = "rest";
    /** Binance's faces: {@code /api/v3} and the WebSocket API, one implementation. */
    public static final String BINANCE = "binance";

    private static final Metadata ACCEPTED = Metadata.builder().withName("exchange_orders_accepted")
            .withDescription("orders the engine accepted, by symbol and face").build();
    private static final Metadata REFUSED = Metadata.builder().withName("exchange_orders_refused")
            .withDescription("orders refused, by reason (error code), status class and face").build();

    @Inject
    MetricRegistry registry;

    /** Places through {@code place} and counts its outcome; the outcome itself passes unchanged. */
    public OrderView place(String face, Supplier<OrderView> place) {
        OrderView placed;
        try {
            placed = place.get();
        } catch (BusinessException e) {
            count(REFUSED, new Tag("reason", e.code().name()), new Tag("status", (e.code().httpStatus() / 100) + "xx"), new Tag("face", face));
            throw e;
        } catch (RuntimeException e) {
            // Not a business answer: the caller gets a 500, and on-call should see it.
            count(REFUSED, new Tag("reason", "INTERNAL"), new Tag("status", "5xx"), new Tag("face", face));
            throw e;
        }
        count(ACCEPTED, new Tag("symbol", placed.symbol()), new Tag("face", face));
        return placed;
    }

    /** Counting never changes an order's answer. */
    private void count(Metadata metric, Tag... tags) {
        try {
            registry.counter(metric, tags).inc();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order not counted in " + metric.getName(), e);
        }
    }
}
