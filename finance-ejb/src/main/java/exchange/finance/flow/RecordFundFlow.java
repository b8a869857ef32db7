package exchange.finance.flow;

import exchange.api.event.AssetChanged;
import exchange.api.event.TradeFeeCalculated;
import exchange.api.messaging.EventEnvelope;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;

/**
 * Turns wallet and fee events into fund flows and fee income, in the caller's transaction (the
 * one that marks the event processed, so each event counts once). Plain inserts: finance only
 * appends, nobody updates a flow.
 */
@Stateless
public class RecordFundFlow {
    @PersistenceContext(unitName = "finance")
    private EntityManager em;

    public void record(EventEnvelope event) {
        switch (event.type()) {
            case "AssetChanged" -> flow(event, event.payloadAs(AssetChanged.class));
            case "TradeFeeCalculated" -> fee(event, event.payloadAs(TradeFeeCalculated.class));
            default -> {
                // other events are audited only
            }
        }
    }

    private void flow(EventEnvelope event, AssetChanged a) {
        em.createNativeQuery("""
                INSERT INTO exchange_finance.fund_flows (event_id, user_id, asset, delta_available, delta_frozen,
                    available_after, frozen_after, business_type, business_id, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, event.eventId()).setParameter(2, a.userId()).setParameter(3, a.asset())
                .setParameter(4, a.deltaAvailable()).setParameter(5, a.deltaFrozen())
                .setParameter(6, a.available()).setParameter(7, a.frozen())
                .setParameter(8, a.businessType()).setParameter(9, a.businessId())
                .setParameter(10, Timestamp.from(event.occurredAt()))
                .executeUpdate();
    }

    private void fee(EventEnvelope event, TradeFeeCalculated f) {
        if (f.fee().signum() == 0) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO exchange_finance.fee_income (trade_id, order_id, symbol, user_id, asset, amount, maker, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, f.tradeId()).setParameter(2, f.orderId()).setParameter(3, f.symbol())
                .setParameter(4, f.userId()).setParameter(5, f.asset()).setParameter(6, f.fee())
                .setParameter(7, f.maker()).setParameter(8, Timestamp.from(event.occurredAt()))
                .executeUpdate();
    }
}
