package exchange.trade.settlement;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.MatchFailed;
import exchange.api.event.MatchOutcome;
import exchange.api.event.MatchSuccess;
import exchange.api.event.OrderCancelled;
import exchange.api.event.OrderFilled;
import exchange.api.event.OrderPartiallyFilled;
import exchange.api.event.TradeFeeCalculated;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.api.wallet.WalletFunds;
import exchange.api.wallet.WalletSettlement;
import exchange.trade.fee.FeeTiers;
import exchange.trade.market.Symbol;
import exchange.trade.marketdata.RecordCandles;
import exchange.trade.messaging.TradeEventOutbox;
import exchange.trade.messaging.TradeProcessedEvent;
import exchange.trade.order.Order;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles engine results (one, or a queue's backlog in order) in one JTA transaction: trades
 * recorded, both orders' fills and states updated, the wallet's legs posted, unused frozen funds
 * released for orders that ended, and each result's event id marked processed, so an engine
 * replay changes nothing.
 */
@Stateless
public class SettleMatch {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private WalletSettlement wallet;
    @EJB
    private WalletFunds funds;
    @EJB
    private TradeEventOutbox events;
    @EJB
    private RecordCandles candles;
    @EJB
    private FeeTiers fees;

    /** Several results of one queue, in their order, in one transaction. */
    public void settleAll(List<EventEnvelope> events) {
        Map<String, List<RecordCandles.TimedFills>> fillsBySymbol = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            settle(event, fillsBySymbol);
        }
        fillsBySymbol.forEach(candles::record);
    }

    private void settle(EventEnvelope event, Map<String, List<RecordCandles.TimedFills>> fillsBySymbol) {
        if (!Inbox.firstDelivery(em, new TradeProcessedEvent(ConsumerGroups.TRADE, event))) {
            return;
        }
        MatchOutcome outcome = "MatchSuccess".equals(event.type())
                ? event.payloadAs(MatchSuccess.class).outcome() : event.payloadAs(MatchFailed.class).outcome();
        Symbol symbol = em.find(Symbol.class, outcome.symbol());
        int index = 0;
        List<Execution> executions = new ArrayList<>(outcome.fills().size() * 2);
        for (MatchOutcome.Fill fill : outcome.fills()) {
            settleFill(symbol, event, outcome.sequence(), index++, fill, executions);
        }
        if (!outcome.fills().isEmpty()) {
            fillsBySymbol.computeIfAbsent(symbol.symbol(), k -> new ArrayList<>())
                    .add(new RecordCandles.TimedFills(event.occurredAt(), outcome.fills()));
        }
        for (MatchOutcome.OrderState state : outcome.orders()) {
            finish(state);
        }
        publishExecutions(executions);
        // Fills that left an order open: one OrderPartiallyFilled per order and result.
        outcome.fills().stream().flatMap(f -> java.util.stream.Stream.of(f.makerOrderId(), f.takerOrderId())).distinct()
                .map(id -> em.find(Order.class, id))
                .filter(o -> Order.PARTIALLY_FILLED.equals(o.status()))
                .forEach(o -> events.publish(new OrderPartiallyFilled(o.id(), o.userId(), o.symbol(),
                        o.view().executedQuantity(), o.view().cumulativeQuoteQuantity())));
    }

    /** The trade's time is the engine's, from the result's envelope: when it matched, not when it settled. */
    private void settleFill(Symbol symbol, EventEnvelope event, long sequence, int index, MatchOutcome.Fill fill,
                            List<Execution> executions) {
        boolean takerBuys = "BUY".equals(fill.takerSide());
        Order buy = lock(takerBuys ? fill.takerOrderId() : fill.makerOrderId());
        Order sell = lock(takerBuys ? fill.makerOrderId() : fill.takerOrderId());
        // Fees are taken from what each side receives: base for the buyer, quote for the seller.
        BigDecimal quote = fill.price().multiply(fill.quantity());
        BigDecimal buyerFee = fee(fill.quantity(), fees.rate(buy.userId(), symbol, !takerBuys));
        BigDecimal sellerFee = fee(quote, fees.rate(sell.userId(), symbol, takerBuys));
        Trade trade = new Trade(symbol.symbol(), fill.tradeId(), event.occurredAt(), event.eventId(), sequence, index, fill.price(), fill.quantity(), buy.id(), sell.id(),
                buy.userId(), sell.userId(), fill.takerSide(), buyerFee, sellerFee);
        em.persist(trade);
        em.flush();
        buy.fill(fill.quantity(), quote);
        sell.fill(fill.quantity(), quote);
        wallet.settleTrade(trade.id(), buy.userId(), sell.userId(), symbol.baseAsset(), symbol.quoteAsset(),
                fill.quantity(), quote, buyerFee, sellerFee);
        executions.add(new Execution(trade.id(), fill, buy, symbol.baseAsset(), buyerFee, !takerBuys,
                buy.view().executedQuantity(), buy.view().cumulativeQuoteQuantity()));
        executions.add(new Execution(trade.id(), fill, sell, symbol.quoteAsset(), sellerFee, takerBuys,
                sell.view().executedQuantity(), sell.view().cumulativeQuoteQuantity()));
    }

    /** One side of one fill, with its order's totals right after it. */
    private record Execution(long tradeId, MatchOutcome.Fill fill, Order order, String feeAsset, BigDecimal fee, boolean maker,
                             BigDecimal executed, BigDecimal cumulativeQuote) {
    }

    /**
     * Published once the result's final states are known, so that an order's last fill in a
     * FILLED order says FILLED and the ones before it PARTIALLY_FILLED, as an execution report does.
     */
    private void publishExecutions(List<Execution> executions) {
        for (int i = 0; i < executions.size(); i++) {
            Execution e = executions.get(i);
            boolean lastOfOrder = true;
            for (int j = i + 1; j < executions.size() && lastOfOrder; j++) {
                lastOfOrder = executions.get(j).order().id() != e.order().id();
            }
            String status = lastOfOrder && "FILLED".equals(e.order().status()) ? "FILLED" : Order.PARTIALLY_FILLED;
            events.publish(new TradeFeeCalculated(e.tradeId(), e.order().symbol(), e.order().userId(), e.order().id(),
                    e.feeAsset(), e.fee(), e.maker(), e.fill().price(), e.fill().quantity(), e.executed(),
                    e.cumulativeQuote(), status));
        }
    }

    private void finish(MatchOutcome.OrderState state) {
        String status = switch (state.status()) {
            case "FILLED", "CANCELED", "EXPIRED", "REJECTED" -> state.status();
            default -> null; // RESTING: fills already set NEW or PARTIALLY_FILLED
        };
        if (status == null || "UNKNOWN_ORDER".equals(state.reason()) || "DUPLICATE_ORDER_ID".equals(state.reason())) {
            return; // a cancel that found nothing, or a repeated command: the order's state is not this one's
        }
        Order order = lock(state.orderId());
        if (order == null || !order.isOpen()) {
            return;
        }
        BigDecimal unused = order.finish(status);
        if (unused.signum() > 0) {
            funds.release(order.userId(), order.frozenAsset(), unused, "ORDER_RELEASE", Long.toString(order.id()));
        }
        var view = order.view();
        events.publish("FILLED".equals(status)
                ? new OrderFilled(order.id(), order.userId(), order.symbol(), view.executedQuantity(), view.cumulativeQuoteQuantity())
                : new OrderCancelled(order.id(), order.userId(), order.symbol(), status, state.reason(),
                        view.executedQuantity(), unused));
    }

    private Order lock(long orderId) {
        return em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static BigDecimal fee(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(18, RoundingMode.HALF_UP);
    }
}
