package exchange.api.engine;

import exchange.api.event.DomainEvent;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * What one journal entry of the engine did, as the projections read it: names and decimals, not
 * the core's numbers. One message per entry on {@link #TOPIC}'s single queue, in journal order;
 * every item carries its command's sequence, and a projection keeps the sequence it has reached
 * (its watermark) in its own transaction, so a copy (a replay after a restart) changes nothing.
 *
 * @param firstSequence the sequence of the entry's first command
 * @param nextSequence  the sequence after its last: a projection's watermark once it is applied
 * @param time          the engine's time for the entry, epoch milliseconds
 */
public record EngineResults(long firstSequence, long nextSequence, long time, List<Placed> placed, List<Traded> trades,
                            List<Ended> ended, List<Moved> moves) implements DomainEvent, Serializable {
    public static final String TOPIC = "engine-events";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String key() {
        return Long.toString(firstSequence);
    }

    /**
     * An order the engine accepted (a refused one never existed). {@code price} is the limit (null
     * for market orders); {@code quantity} null for a buy by quote amount, {@code quoteQuantity}
     * null otherwise.
     */
    public record Placed(long sequence, long orderId, long userId, String symbol, String side, String type,
                         String timeInForce, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity,
                         String clientOrderId, String selfTradePrevention, String heldAsset, BigDecimal held)
            implements Serializable {
    }

    /**
     * A fill at the maker's price. Fees are in what each side receives: the buyer's in the base
     * asset, the seller's in the quote asset. {@code tradeId} numbers the symbol's trades.
     */
    public record Traded(long sequence, String symbol, long tradeId, BigDecimal price, BigDecimal quantity,
                         BigDecimal quoteQuantity, long buyOrderId, long buyerId, long sellOrderId, long sellerId,
                         String takerSide, BigDecimal buyerFee, BigDecimal sellerFee) implements Serializable {
    }

    /**
     * An order that left its book: FILLED, CANCELED (by its owner, or self-trade prevention),
     * EXPIRED (IOC/FOK remainder, no liquidity) or REJECTED (a post-only that would have taken).
     *
     * @param reason the engine's reason (FILLED, CANCELED, IOC_EXPIRED, FOK_UNFILLED, ...)
     */
    public record Ended(long sequence, long orderId, long userId, String symbol, String status, String reason)
            implements Serializable {
    }

    /**
     * One change of one account's available and frozen amounts. {@code userId} is
     * {@link #FEE_ACCOUNT} for fees. {@code cause} names the business step (ORDER_HOLD,
     * ORDER_RELEASE, TRADE, TRADE_FEE, DEPOSIT, ADJUSTMENT, WITHDRAWAL_FREEZE, WITHDRAWAL_RELEASE,
     * WITHDRAWAL_COMPLETE) and {@code ref} its id (order, trade, deposit, adjustment, withdrawal);
     * {@code symbol} is the market of an order's or a trade's move (trade ids are per symbol), null
     * for the others.
     */
    public record Moved(long sequence, long userId, String asset, BigDecimal available, BigDecimal frozen, String cause,
                        long ref, String symbol) implements Serializable {
        public static final long FEE_ACCOUNT = -2;
    }
}
