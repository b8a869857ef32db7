package exchange.trade.settlement;

import exchange.api.engine.EngineResults;
import exchange.api.event.DomainEvent;
import exchange.api.event.OrderActivity;
import exchange.api.event.OrderCancelled;
import exchange.api.event.OrderCreated;
import exchange.api.event.OrderFilled;
import exchange.api.event.OrderPartiallyFilled;
import exchange.api.event.TradeFeeCalculated;
import exchange.api.persistence.BulkInsert;
import exchange.trade.market.Symbol;
import exchange.trade.marketdata.RecordCandles;
import exchange.trade.messaging.TradeEventOutbox;
import exchange.trade.order.Order;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The trade projection of the matching engine's journal: orders, trades and candles as the
 * engine's results ({@link EngineResults}, one per journal entry, in journal order) say, and the
 * events the rest of the exchange reads from them (OrderCreated, TradeFeeCalculated,
 * OrderPartiallyFilled, OrderFilled, OrderCancelled), published together as one
 * {@link OrderActivity} per call. The engine owns books and balances: nothing here moves money.
 *
 * <p>One call is one transaction. The sequence applied up to (the watermark, row 'trade' of
 * {@code engine_watermark}) is locked first and moved in the same transaction, so an entry
 * delivered again (a replay, a retried batch) changes nothing. Within an entry, each command
 * (sequence) is applied in order: its accepted orders, then its trades, then the orders that left
 * the book. The orders a call touches are read with one query, trades are written with
 * multi-row inserts, and candles with one upsert per candle and period.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ProjectTrades {
    public static final String PROJECTION = "trade";
    private static final Logger LOG = Logger.getLogger(ProjectTrades.class.getName());
    private static final String FILLED = "FILLED";
    /** Ids per IN list. */
    private static final int IN_CHUNK = 1000;
    /** Order events per OrderActivity. */
    private static final int EVENT_CHUNK = 1000;

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private TradeEventOutbox events;
    @EJB
    private RecordCandles candles;
    @Resource(lookup = "jdbc/exchange")
    private DataSource dataSource;

    /**
     * Applies the entries past the watermark, in their order.
     *
     * @return the watermark afterwards: the next sequence to apply
     */
    public long apply(List<EngineResults> entries) {
        long watermark = lockWatermark();
        long first = watermark;
        List<EngineResults> todo = new ArrayList<>(entries.size());
        for (EngineResults entry : entries) {
            if (entry.nextSequence() <= watermark) {
                continue; // applied before
            }
            if (watermark > 0 && entry.firstSequence() > watermark) {
                LOG.warning("Engine journal entries " + watermark + " to " + (entry.firstSequence() - 1)
                        + " never reached the trade projection; going on from " + entry.firstSequence());
            }
            todo.add(entry);
            watermark = entry.nextSequence();
        }
        if (todo.isEmpty()) {
            return watermark;
        }
        Batch batch = new Batch(load(touchedOrders(todo)));
        for (EngineResults entry : todo) {
            project(entry, batch);
        }
        insertTrades(batch.trades);
        batch.fillsBySymbol.forEach(candles::record);
        em.createNativeQuery("UPDATE exchange_trade.engine_watermark SET next_sequence = ?1, updated_at = ?2 WHERE projection = ?3")
                .setParameter(1, watermark).setParameter(2, Timestamp.from(Instant.now())).setParameter(3, PROJECTION)
                .executeUpdate();
        publish(batch.out, first, watermark);
        return watermark;
    }

    /**
     * The batch's events as OrderActivity messages of up to {@link #EVENT_CHUNK} events each (a few
     * hundred KB): one message per batch, not several per trade.
     */
    private void publish(List<Object> out, long fromSequence, long toSequence) {
        for (int from = 0; from < out.size(); from += EVENT_CHUNK) {
            List<OrderCreated> created = new ArrayList<>();
            List<TradeFeeCalculated> executions = new ArrayList<>();
            List<OrderPartiallyFilled> partiallyFilled = new ArrayList<>();
            List<OrderFilled> filled = new ArrayList<>();
            List<OrderCancelled> cancelled = new ArrayList<>();
            for (Object o : out.subList(from, Math.min(out.size(), from + EVENT_CHUNK))) {
                if (o instanceof Execution e) {
                    executions.add(e.event());
                } else if (o instanceof OrderCreated c) {
                    created.add(c);
                } else if (o instanceof OrderPartiallyFilled p) {
                    partiallyFilled.add(p);
                } else if (o instanceof OrderFilled f) {
                    filled.add(f);
                } else if (o instanceof OrderCancelled c) {
                    cancelled.add(c);
                } else {
                    throw new IllegalStateException("not an order event: " + o);
                }
            }
            events.publish(new OrderActivity(fromSequence, toSequence, created, executions, partiallyFilled, filled, cancelled));
        }
    }

    /** What one call gathers: the orders it touches, the trades to insert, the events in order. */
    private static final class Batch {
        final Map<Long, Order> orders;
        final Map<String, Symbol> symbols = new HashMap<>();
        final List<TradeRow> trades = new ArrayList<>();
        /** DomainEvents, and Executions, which become TradeFeeCalculated once their trade has its id. */
        final List<Object> out = new ArrayList<>();
        final Map<String, List<RecordCandles.TimedFills>> fillsBySymbol = new LinkedHashMap<>();

        Batch(Map<Long, Order> orders) {
            this.orders = orders;
        }
    }

    /** One command's results within an entry. */
    private static final class Step {
        final long sequence;
        final List<EngineResults.Placed> placed = new ArrayList<>(1);
        final List<EngineResults.Traded> trades = new ArrayList<>();
        final List<EngineResults.Ended> ended = new ArrayList<>(1);

        Step(long sequence) {
            this.sequence = sequence;
        }
    }

    private void project(EngineResults entry, Batch batch) {
        Instant time = Instant.ofEpochMilli(entry.time());
        // What each order that ended gave back: the engine released it already.
        Map<Long, BigDecimal> released = new HashMap<>();
        for (EngineResults.Moved move : orEmpty(entry.moves())) {
            if ("ORDER_RELEASE".equals(move.cause()) && move.available() != null) {
                released.merge(move.ref(), move.available(), BigDecimal::add);
            }
        }
        TreeMap<Long, Step> steps = new TreeMap<>();
        for (EngineResults.Placed p : orEmpty(entry.placed())) {
            steps.computeIfAbsent(p.sequence(), Step::new).placed.add(p);
        }
        for (EngineResults.Traded t : orEmpty(entry.trades())) {
            steps.computeIfAbsent(t.sequence(), Step::new).trades.add(t);
        }
        for (EngineResults.Ended e : orEmpty(entry.ended())) {
            steps.computeIfAbsent(e.sequence(), Step::new).ended.add(e);
        }
        Map<String, List<RecordCandles.Fill>> fills = new LinkedHashMap<>();
        for (Step step : steps.values()) {
            project(step, time, released, fills, batch);
        }
        fills.forEach((symbol, list) -> batch.fillsBySymbol.computeIfAbsent(symbol, k -> new ArrayList<>())
                .add(new RecordCandles.TimedFills(time, list)));
    }

    private void project(Step step, Instant time, Map<Long, BigDecimal> released,
                         Map<String, List<RecordCandles.Fill>> fills, Batch batch) {
        for (EngineResults.Placed p : step.placed) {
            if (batch.orders.containsKey(p.orderId())) {
                LOG.warning("Order " + p.orderId() + " has a row already; the engine's placement is not projected again");
                continue;
            }
            Order order = Order.placed(p, time);
            em.persist(order);
            batch.orders.put(order.id(), order);
            var view = order.view();
            batch.out.add(new OrderCreated(order.id(), p.userId(), p.symbol(), p.side(), p.type(), view.timeInForce(),
                    p.price(), p.quantity(), p.quoteQuantity(), view.selfTradePrevention()));
        }

        List<Execution> executions = new ArrayList<>(step.trades.size() * 2);
        Set<Long> filled = new LinkedHashSet<>();
        String matchEventId = "e" + step.sequence;
        int index = 0;
        for (EngineResults.Traded t : step.trades) {
            Symbol symbol = symbol(batch, t.symbol());
            BigDecimal quote = t.quoteQuantity() != null ? t.quoteQuantity() : t.price().multiply(t.quantity());
            BigDecimal buyerFee = orZero(t.buyerFee());
            BigDecimal sellerFee = orZero(t.sellerFee());
            TradeRow row = new TradeRow(t, matchEventId, index++, quote, buyerFee, sellerFee, time);
            batch.trades.add(row);
            boolean takerBuys = "BUY".equals(t.takerSide());
            // Fees are taken from what each side receives: base for the buyer, quote for the seller.
            fill(batch, t.buyOrderId(), row, t, quote, symbol.baseAsset(), buyerFee, !takerBuys, time, executions, filled);
            fill(batch, t.sellOrderId(), row, t, quote, symbol.quoteAsset(), sellerFee, takerBuys, time, executions, filled);
            fills.computeIfAbsent(t.symbol(), k -> new ArrayList<>())
                    .add(new RecordCandles.Fill(t.tradeId(), t.price(), t.quantity(), quote));
        }

        List<DomainEvent> endings = new ArrayList<>(step.ended.size());
        for (EngineResults.Ended e : step.ended) {
            String status = switch (e.status() == null ? "" : e.status()) {
                case FILLED, "CANCELED", "EXPIRED", "REJECTED" -> e.status();
                default -> null;
            };
            Order order = batch.orders.get(e.orderId());
            if (status == null || order == null || !order.isOpen()) {
                if (order == null) {
                    LOG.severe("Order " + e.orderId() + " ended (" + e.status() + ") in the engine but has no row");
                }
                continue;
            }
            order.finish(status, time);
            endings.add(FILLED.equals(status)
                    ? new OrderFilled(order.id(), order.userId(), order.symbol(), order.executedQuantity(), order.cumulativeQuote())
                    : new OrderCancelled(order.id(), order.userId(), order.symbol(), status, e.reason(),
                            order.executedQuantity(), released.getOrDefault(order.id(), BigDecimal.ZERO)));
        }

        // Once the command's final states are known: an order's last fill in a FILLED order says
        // FILLED and the ones before it PARTIALLY_FILLED, as an execution report does.
        for (int i = 0; i < executions.size(); i++) {
            Execution x = executions.get(i);
            boolean lastOfOrder = true;
            for (int j = i + 1; j < executions.size() && lastOfOrder; j++) {
                lastOfOrder = executions.get(j).order.id() != x.order.id();
            }
            x.orderStatus = lastOfOrder && FILLED.equals(x.order.status()) ? FILLED : Order.PARTIALLY_FILLED;
            batch.out.add(x);
        }
        // Fills that left an order open: one OrderPartiallyFilled per order and command.
        for (long id : filled) {
            Order o = batch.orders.get(id);
            if (Order.PARTIALLY_FILLED.equals(o.status())) {
                batch.out.add(new OrderPartiallyFilled(o.id(), o.userId(), o.symbol(), o.executedQuantity(), o.cumulativeQuote()));
            }
        }
        batch.out.addAll(endings);
    }

    private static void fill(Batch batch, long orderId, TradeRow row, EngineResults.Traded t, BigDecimal quote,
                             String feeAsset, BigDecimal fee, boolean maker, Instant time, List<Execution> executions,
                             Set<Long> filled) {
        Order order = batch.orders.get(orderId);
        if (order == null) {
            LOG.severe("Order " + orderId + " traded in the engine (" + t.symbol() + " trade " + t.tradeId() + ") but has no row");
            return;
        }
        order.fill(t.quantity(), quote, time);
        executions.add(new Execution(row, order, feeAsset, fee, maker, t.price(), t.quantity(), order.executedQuantity(),
                order.cumulativeQuote()));
        filled.add(orderId);
    }

    /** One side of one trade, with its order's totals right after it. */
    private static final class Execution {
        final TradeRow trade;
        final Order order;
        final String feeAsset;
        final BigDecimal fee;
        final boolean maker;
        final BigDecimal price;
        final BigDecimal quantity;
        final BigDecimal executed;
        final BigDecimal cumulativeQuote;
        String orderStatus;

        Execution(TradeRow trade, Order order, String feeAsset, BigDecimal fee, boolean maker, BigDecimal price,
                  BigDecimal quantity, BigDecimal executed, BigDecimal cumulativeQuote) {
            this.trade = trade;
            this.order = order;
            this.feeAsset = feeAsset;
            this.fee = fee;
            this.maker = maker;
            this.price = price;
            this.quantity = quantity;
            this.executed = executed;
            this.cumulativeQuote = cumulativeQuote;
        }

        /** The trade's id is its row's, as before (finance keys fee income by it; the user stream shows it). */
        TradeFeeCalculated event() {
            return new TradeFeeCalculated(trade.id, order.symbol(), order.userId(), order.id(), feeAsset, fee, maker,
                    price, quantity, executed, cumulativeQuote, orderStatus);
        }
    }

    /** A trades row to insert; {@link #id} is read back after the insert. */
    private static final class TradeRow {
        final EngineResults.Traded trade;
        final String matchEventId;
        final int fillIndex;
        final BigDecimal quote;
        final BigDecimal buyerFee;
        final BigDecimal sellerFee;
        final Instant time;
        long id = -1;

        TradeRow(EngineResults.Traded trade, String matchEventId, int fillIndex, BigDecimal quote, BigDecimal buyerFee,
                 BigDecimal sellerFee, Instant time) {
            this.trade = trade;
            this.matchEventId = matchEventId;
            this.fillIndex = fillIndex;
            this.quote = quote;
            this.buyerFee = buyerFee;
            this.sellerFee = sellerFee;
            this.time = time;
        }

        String key() {
            return key(matchEventId, fillIndex);
        }

        static String key(String matchEventId, int fillIndex) {
            return matchEventId + "/" + fillIndex;
        }
    }

    /**
     * Multi-row inserts, then the rows' ids read back by their unique key (match_event_id,
     * fill_index): two statements per chunk instead of an insert and an id query per trade. Plain
     * JDBC on the transaction's shared connection (see {@link BulkInsert}: EclipseLink's native
     * queries cost the square of their parameters).
     */
    private void insertTrades(List<TradeRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (TradeRow r : rows) {
            EngineResults.Traded t = r.trade;
            values.add(new Object[] {t.symbol(), t.tradeId(), r.matchEventId, t.sequence(), r.fillIndex, t.price(),
                    t.quantity(), r.quote, t.buyOrderId(), t.sellOrderId(), t.buyerId(), t.sellerId(), t.takerSide(),
                    r.buyerFee, r.sellerFee, Timestamp.from(r.time)});
        }
        BulkInsert.into(dataSource, """
                exchange_trade.trades (symbol, trade_id, match_event_id, match_sequence, fill_index, price, quantity,
                    quote_quantity, buy_order_id, sell_order_id, buyer_id, seller_id, taker_side, buyer_fee, seller_fee,
                    created_at)""", values);
        Map<String, TradeRow> byKey = new HashMap<>(rows.size() * 2);
        for (TradeRow r : rows) {
            byKey.put(r.key(), r);
        }
        List<String> eventIds = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(r -> r.matchEventId).toList()));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < eventIds.size(); from += IN_CHUNK) {
                List<String> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + IN_CHUNK));
                StringBuilder sql = new StringBuilder("SELECT id, match_event_id, fill_index FROM exchange_trade.trades"
                        + " WHERE match_event_id IN (");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement select = c.prepareStatement(sql.append(')').toString())) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            TradeRow row = byKey.get(TradeRow.key(result.getString(2), result.getInt(3)));
                            if (row != null) {
                                row.id = result.getLong(1);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("trade ids not read back: " + e.getMessage(), e);
        }
        for (TradeRow r : rows) {
            if (r.id < 0) {
                throw new IllegalStateException("Trade " + r.key() + " was inserted but its id was not found");
            }
        }
    }

    /** The watermark row, locked until this transaction ends (created at 0 if missing). */
    private long lockWatermark() {
        List<?> rows = em.createNativeQuery(
                        "SELECT next_sequence FROM exchange_trade.engine_watermark WHERE projection = ?1 FOR UPDATE")
                .setParameter(1, PROJECTION).getResultList();
        if (!rows.isEmpty()) {
            return ((Number) rows.get(0)).longValue();
        }
        em.createNativeQuery("INSERT INTO exchange_trade.engine_watermark (projection, next_sequence, updated_at) VALUES (?1, 0, ?2)")
                .setParameter(1, PROJECTION).setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
        return 0;
    }

    private static Set<Long> touchedOrders(List<EngineResults> entries) {
        Set<Long> ids = new HashSet<>();
        for (EngineResults entry : entries) {
            orEmpty(entry.placed()).forEach(p -> ids.add(p.orderId()));
            orEmpty(entry.trades()).forEach(t -> {
                ids.add(t.buyOrderId());
                ids.add(t.sellOrderId());
            });
            orEmpty(entry.ended()).forEach(e -> ids.add(e.orderId()));
        }
        return ids;
    }

    /**
     * The orders, read with one query per thousand ids, refreshed from the database: only this
     * projection writes orders, but another node may have projected them last.
     */
    private Map<Long, Order> load(Set<Long> ids) {
        Map<Long, Order> orders = new HashMap<>(ids.size() * 2);
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            em.createQuery("SELECT o FROM Order o WHERE o.id IN :ids", Order.class)
                    .setParameter("ids", new ArrayList<>(all.subList(from, Math.min(all.size(), from + IN_CHUNK))))
                    .setHint("eclipselink.refresh", "true")
                    .getResultList().forEach(o -> orders.put(o.id(), o));
        }
        return orders;
    }

    private Symbol symbol(Batch batch, String name) {
        return batch.symbols.computeIfAbsent(name, n -> {
            Symbol s = em.find(Symbol.class, n);
            if (s == null) {
                throw new IllegalStateException("The engine traded on " + n + ", which the symbol table does not list");
            }
            return s;
        });
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list != null ? list : List.of();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value != null ? value : BigDecimal.ZERO;
    }
}
