package exchange.match.edge;

import exchange.api.engine.EngineGateway;
import exchange.match.book.Side;
import exchange.match.core.EngineEvent;
import exchange.match.journal.Directory;
import exchange.match.journal.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An order's state right after the command that placed or canceled it, from that command's events
 * alone (Binance's RESULT/FULL answer): the fills it took, and whether it rests, filled or ended.
 */
final class OrderAnswers {
    private OrderAnswers() {
    }

    static EngineGateway.OrderState of(Directory directory, Outcome o, long orderId, long time) {
        Directory.MarketInfo m = null;
        BigDecimal executed = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal held = null;
        String heldAsset = null;
        String status = null;
        boolean rested = false;
        List<EngineGateway.Fill> fills = new ArrayList<>();
        for (EngineEvent e : o.events()) {
            if (e instanceof EngineEvent.OrderAccepted a && a.orderId() == orderId) {
                Directory.AssetInfo asset = directory.asset(a.asset());
                held = Units.amount(asset, a.held());
                heldAsset = asset.code();
            } else if (e instanceof EngineEvent.Traded t && (t.takerOrderId() == orderId || t.makerOrderId() == orderId)) {
                m = directory.market(t.market());
                boolean taker = t.takerOrderId() == orderId;
                boolean buyer = taker == (t.takerSide() == Side.BUY);
                BigDecimal qty = Units.quantity(m, t.lots());
                BigDecimal price = Units.price(m, t.price());
                executed = executed.add(qty);
                quote = quote.add(Units.quote(m, t.price() * t.lots()));
                fills.add(new EngineGateway.Fill(t.tradeId(), price, qty,
                        buyer ? Units.amount(m.base(), t.buyerFee()) : Units.amount(m.quote(), t.sellerFee()),
                        buyer ? m.base().code() : m.quote().code(), !taker));
            } else if (e instanceof EngineEvent.Rested r && r.orderId() == orderId) {
                rested = true;
            } else if (e instanceof EngineEvent.Done d && d.orderId() == orderId) {
                status = ResultTranslator.status(d.reason());
            }
        }
        if (status == null) {
            status = rested && executed.signum() > 0 ? "PARTIALLY_FILLED" : "NEW";
        }
        return new EngineGateway.OrderState(orderId, o.sequence(), time, status, executed, quote, held, heldAsset,
                fills, false, null);
    }
}
