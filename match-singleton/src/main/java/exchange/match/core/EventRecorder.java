package exchange.match.core;

import exchange.match.book.DoneReason;
import exchange.match.book.Side;
import java.util.ArrayList;
import java.util.List;

/** Collects the core's calls as {@link EngineEvent}s, in order; {@link #drain()} hands them over. */
public final class EventRecorder implements CoreOutput {
    private List<EngineEvent> events = new ArrayList<>();

    /** The events since the last drain, in the order they happened. */
    public List<EngineEvent> drain() {
        List<EngineEvent> out = events;
        events = new ArrayList<>();
        return out;
    }

    @Override
    public void rejected(long id, long userId, ResultCode code) {
        events.add(new EngineEvent.Rejected(id, userId, code));
    }

    @Override
    public void balanceChanged(long userId, int asset, long availableDelta, long frozenDelta, BalanceCause cause, long ref) {
        events.add(new EngineEvent.BalanceChanged(userId, asset, availableDelta, frozenDelta, cause, ref));
    }

    @Override
    public void orderAccepted(long orderId, long userId, int market, Side side, int asset, long held) {
        events.add(new EngineEvent.OrderAccepted(orderId, userId, market, side, asset, held));
    }

    @Override
    public void trade(int market, long tradeId, long makerOrderId, long makerUserId, long takerOrderId,
                      long takerUserId, Side takerSide, long price, long lots, long buyerFee, long sellerFee) {
        events.add(new EngineEvent.Traded(market, tradeId, makerOrderId, makerUserId, takerOrderId, takerUserId,
                takerSide, price, lots, buyerFee, sellerFee));
    }

    @Override
    public void rested(long orderId, long userId, int market, Side side, long price, long remaining) {
        events.add(new EngineEvent.Rested(orderId, userId, market, side, price, remaining));
    }

    @Override
    public void done(long orderId, long userId, int market, DoneReason reason, long remaining) {
        events.add(new EngineEvent.Done(orderId, userId, market, reason, remaining));
    }
}
