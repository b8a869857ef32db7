package exchange.api.trade;

import exchange.api.Page;
import jakarta.ejb.Local;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Seed 3.3: placing and cancelling orders, and a trader's view of their own orders and trades. */
@Local
public interface OrderService {
    /** Returns the order; a retry with the same clientOrderId returns the first one unchanged. */
    OrderView place(OrderRequest request);

    /** Asks the engine to cancel; the order turns CANCELED when the engine confirms. */
    OrderView cancel(long userId, long orderId);

    Optional<OrderView> order(long userId, long orderId);

    List<OrderView> openOrders(long userId, String symbol);

    Page<OrderView> history(long userId, String symbol, int page, int size);

    Page<TradeView> trades(long userId, String symbol, int page, int size);

    /** The fills of one of the user's own orders, oldest first; empty for another user's order. */
    List<TradeView> orderTrades(long userId, long orderId);

    /** The trading limits of the user's KYC level, per quote asset, and what the user ordered today (UTC). */
    List<TradeLimit> limits(long userId);

    record TradeLimit(int kycLevel, String quoteAsset, BigDecimal orderMax, BigDecimal dailyMax, BigDecimal usedToday)
            implements java.io.Serializable {
    }
}
