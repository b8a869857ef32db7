package exchange.match.book;

import java.util.ArrayList;
import java.util.List;

/** Writes every result down as text, so two engines' outputs can be compared line by line. */
final class RecordingListener implements MatchListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void trade(long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                      long price, long quantity) {
        lines.add("T " + makerOrderId + "/" + makerUserId + " " + takerOrderId + "/" + takerUserId + " " + takerSide
                + " " + price + " x " + quantity);
    }

    @Override
    public void rested(long orderId, long userId, Side side, long price, long remaining) {
        lines.add("R " + orderId + "/" + userId + " " + side + " " + price + " x " + remaining);
    }

    @Override
    public void done(long orderId, long userId, DoneReason reason, long remaining) {
        lines.add("D " + orderId + "/" + userId + " " + reason + " " + remaining);
    }
}
