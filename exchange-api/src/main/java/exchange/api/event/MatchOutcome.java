package exchange.api.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything one engine command did, numbered per symbol in command order. Its event id derives
 * from the command's, so a replayed or repeated command gives a result consumers have seen.
 *
 * @param fills   trades, at the maker's price
 * @param orders  every order whose state the command changed, with its state after it
 */
public record MatchOutcome(String symbol, long sequence, String command, long orderId, List<Fill> fills,
                           List<OrderState> orders) {

    /** @param tradeId numbered per symbol by the engine, from 1, in trade order */
    public record Fill(long tradeId, long makerOrderId, long makerUserId, long takerOrderId, long takerUserId,
                       String takerSide, BigDecimal price, BigDecimal quantity) {
    }

    /**
     * @param status     RESTING (on the book), FILLED, CANCELED, EXPIRED or REJECTED
     * @param reason     the engine's reason (FILLED, CANCELED, EXPIRED, FOK_UNFILLABLE, POST_ONLY_WOULD_CROSS,
     *                   STP_EXPIRED_TAKER, STP_EXPIRED_MAKER, DUPLICATE_ORDER_ID, UNKNOWN_ORDER), or RESTING
     */
    public record OrderState(long orderId, long userId, String status, String reason) {
    }

    public boolean traded() {
        return !fills.isEmpty();
    }
}
