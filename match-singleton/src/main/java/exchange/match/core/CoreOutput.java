package exchange.match.core;

import exchange.match.book.DoneReason;
import exchange.match.book.Side;

/**
 * Everything the core does, in order, as primitives so the hot path allocates nothing (as the
 * book's MatchListener). The same commands always produce the same calls in the same order: a
 * replay of the journal is a replay of these. {@link EventRecorder} turns them into immutable
 * {@link EngineEvent}s for the transport and the projections.
 *
 * <p>Balances: every change of a user's (or the fee account's) available or frozen amount is one
 * {@link #balanceChanged} call, so a projection can write its double-entry journal from these
 * alone, without knowing the core's hold rules. Per asset, a fill's calls sum to zero.
 */
public interface CoreOutput {
    /** A command changed nothing. {@code id} is the order's or the withdrawal's id, 0 for others. */
    void rejected(long id, long userId, ResultCode code);

    void balanceChanged(long userId, int asset, long availableDelta, long frozenDelta, BalanceCause cause, long ref);

    /** An order passed the funds check and went to its book, holding {@code held} of {@code asset}. */
    void orderAccepted(long orderId, long userId, int market, Side side, int asset, long held);

    /** A fill at the maker's price; fees are in what each side receives (base for the buyer, quote for the seller). */
    void trade(int market, long tradeId, long makerOrderId, long makerUserId, long takerOrderId, long takerUserId,
               Side takerSide, long price, long lots, long buyerFee, long sellerFee);

    void rested(long orderId, long userId, int market, Side side, long price, long remaining);

    /** The order left its book: {@code remaining} lots (for a quote-sized buy: unspent tick x lot units). */
    void done(long orderId, long userId, int market, DoneReason reason, long remaining);
}
