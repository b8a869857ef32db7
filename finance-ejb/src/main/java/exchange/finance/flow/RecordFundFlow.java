package exchange.finance.flow;

import exchange.api.event.AssetChanged;
import exchange.api.event.BalancesChanged;
import exchange.api.event.OrderActivity;
import exchange.api.event.TradeFeeCalculated;
import exchange.api.messaging.EventEnvelope;
import exchange.api.persistence.BulkInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Turns wallet and fee events into fund flows and fee income, in the caller's transaction (the
 * one that marks the event processed, so each event counts once). Plain multi-row inserts: finance
 * only appends, nobody updates a flow, and a batch event carries hundreds of them.
 */
@Stateless
public class RecordFundFlow {
    /** The fund flows' columns, in the order {@link #flow} gives their values. */
    private static final String FUND_FLOWS = "fund_flows (event_id, user_id, asset, delta_available, delta_frozen,"
            + " available_after, frozen_after, business_type, business_id, occurred_at)";

    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;

    public void record(EventEnvelope event) {
        Timestamp at = Timestamp.from(event.occurredAt());
        switch (event.type()) {
            case "BalancesChanged" -> {
                List<AssetChanged> changes = event.payloadAs(BalancesChanged.class).changes();
                List<Object[]> rows = new ArrayList<>(changes.size());
                for (int i = 0; i < changes.size(); i++) {
                    rows.add(flow(event.eventId() + "/" + i, changes.get(i), at));
                }
                insert(FUND_FLOWS, rows);
            }
            case "AssetChanged" -> insert(FUND_FLOWS,
                    java.util.Collections.singletonList(flow(event.eventId(), event.payloadAs(AssetChanged.class), at)));
            case "OrderActivity" -> fees(event.payloadAs(OrderActivity.class).executions(), at);
            case "TradeFeeCalculated" -> fees(List.of(event.payloadAs(TradeFeeCalculated.class)), at);
            default -> {
                // other events are audited only
            }
        }
    }

    private static Object[] flow(String id, AssetChanged a, Timestamp at) {
        return new Object[] {id, a.userId(), a.asset(), a.deltaAvailable(), a.deltaFrozen(), a.available(), a.frozen(),
                a.businessType(), a.businessId(), at};
    }

    private void fees(List<TradeFeeCalculated> executions, Timestamp at) {
        List<Object[]> rows = new ArrayList<>();
        for (TradeFeeCalculated f : executions) {
            if (f.fee().signum() != 0) {
                rows.add(new Object[] {f.tradeId(), f.orderId(), f.symbol(), f.userId(), f.asset(), f.fee(), f.maker(), at});
            }
        }
        insert("fee_income (trade_id, order_id, symbol, user_id, asset, amount, maker, occurred_at)", rows);
    }

    private void insert(String tableAndColumns, List<Object[]> rows) {
        BulkInsert.into(dataSource, "exchange_finance." + tableAndColumns, rows);
    }
}
