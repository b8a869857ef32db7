package exchange.match.core;

import exchange.match.book.DoneReason;
import exchange.match.book.Side;

/**
 * The core's output as immutable values, one record per {@link CoreOutput} call: what the
 * transport journals and publishes and what the projections apply. Names say what happened;
 * where it goes is the transport's business.
 */
public sealed interface EngineEvent {
    record Rejected(long id, long userId, ResultCode code) implements EngineEvent {
    }

    record BalanceChanged(long userId, int asset, long availableDelta, long frozenDelta, BalanceCause cause, long ref)
            implements EngineEvent {
    }

    record OrderAccepted(long orderId, long userId, int market, Side side, int asset, long held) implements EngineEvent {
    }

    record Traded(int market, long tradeId, long makerOrderId, long makerUserId, long takerOrderId, long takerUserId,
                  Side takerSide, long price, long lots, long buyerFee, long sellerFee) implements EngineEvent {
    }

    record Rested(long orderId, long userId, int market, Side side, long price, long remaining) implements EngineEvent {
    }

    record Done(long orderId, long userId, int market, DoneReason reason, long remaining) implements EngineEvent {
    }
}
