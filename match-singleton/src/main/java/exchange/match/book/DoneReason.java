package exchange.match.book;

/** Why an order left the engine (or never entered it). */
public enum DoneReason {
    FILLED,
    CANCELED,
    /** IOC or market remainder with no more liquidity within its limit. */
    EXPIRED,
    /** FOK that could not be filled completely: nothing traded. */
    FOK_UNFILLABLE,
    /** LIMIT_MAKER that would have taken liquidity: rejected, nothing traded. */
    POST_ONLY_WOULD_CROSS,
    /** Taker's remainder expired by self-trade prevention. */
    STP_EXPIRED_TAKER,
    /** Resting order expired by self-trade prevention. */
    STP_EXPIRED_MAKER,
    /** Order id already known to the book. */
    DUPLICATE_ORDER_ID,
    /** Cancel of an order the book does not hold (filled, canceled, never placed, or another user's). */
    UNKNOWN_ORDER,
    /** Its price, quantity or budget does not fit the engine's units, or resting it would overflow its level. */
    OUT_OF_RANGE,
    /** The engine could not process the command (logged): rejected so that nothing waits for it. */
    ENGINE_ERROR;

    public boolean rejected() {
        return this == DUPLICATE_ORDER_ID || this == UNKNOWN_ORDER || this == POST_ONLY_WOULD_CROSS
                || this == OUT_OF_RANGE || this == ENGINE_ERROR;
    }
}
