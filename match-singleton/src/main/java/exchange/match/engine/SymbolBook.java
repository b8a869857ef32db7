package exchange.match.engine;

import exchange.api.event.DepthUpdated;
import exchange.api.event.DomainEvent;
import exchange.api.event.MatchOutcome;
import exchange.api.event.OrderCancelRequested;
import exchange.api.event.OrderCreated;
import exchange.api.event.TradePriceUpdated;
import exchange.api.trade.EngineStatus;
import exchange.api.trade.EngineUnits;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.SymbolView;
import exchange.match.book.DoneReason;
import exchange.match.book.MatchListener;
import exchange.match.book.OrderBook;
import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One symbol's book and its edge: decimal commands become ticks and lots, the book's results
 * become a numbered MatchOutcome. Also absorbs what an at-least-once queue can do: a place
 * command seen twice is ignored, and a cancel that overtook its place command cancels the order
 * the moment it arrives.
 */
final class SymbolBook implements MatchListener {
    private final String symbol;
    private final BigDecimal tick;
    private final BigDecimal step;
    private final OrderBook book = new OrderBook();
    /**
     * The place commands seen, as a bounded window: the newest {@link #SEEN_WINDOW} order ids, and
     * below them a watermark. A place at or below the watermark is older than anything the window
     * still remembers: it is dropped as a repeat (logged), because matching an order twice is the
     * worse mistake and a first delivery that late cannot happen in practice (ids grow, and one
     * symbol's commands share one ordered queue).
     */
    static final int SEEN_WINDOW = 100_000;
    private final Set<Long> seen = new HashSet<>();
    private final java.util.ArrayDeque<Long> seenOrder = new java.util.ArrayDeque<>();
    private long seenWatermark = Long.MIN_VALUE;
    private long evictions;
    private final Set<Long> canceledEarly = new HashSet<>();
    private final DepthTracker depthTracker;
    private long sequence;
    private long tradeSequence;
    private long firstUnpublished;
    private long lastTradePrice = -1;
    /** What depth queries read, from any thread, without waiting for the matching thread. */
    private volatile DepthTracker.View published;
    private List<MatchOutcome.Fill> fills;
    private List<MatchOutcome.OrderState> states;

    SymbolBook(SymbolView view) {
        this.symbol = view.symbol();
        this.tick = view.priceTick();
        this.step = view.quantityStep();
        this.depthTracker = new DepthTracker(book);
        this.firstUnpublished = 1;
        this.published = depthTracker.view(0);
    }

    String symbol() {
        return symbol;
    }

    /** Returns the outcome, or null for a place command already seen. */
    MatchOutcome place(OrderCreated c) {
        if (c.orderId() <= seenWatermark) {
            java.util.logging.Logger.getLogger(SymbolBook.class.getName()).warning("place " + c.orderId() + " on " + symbol
                    + " is older than the engine's window of " + SEEN_WINDOW + " orders: dropped as a repeat");
            return null;
        }
        if (!seen.add(c.orderId())) {
            return null;
        }
        remember(c.orderId());
        begin();
        if (canceledEarly.remove(c.orderId())) {
            states.add(new MatchOutcome.OrderState(c.orderId(), c.userId(), "CANCELED", "CANCELED"));
            return end("PLACE", c.orderId());
        }
        boolean market = "MARKET".equals(c.orderType());
        boolean byQuote = market && c.quoteQuantity() != null;
        // A market order with a price carries a protection bound: to the book an IOC at that price.
        boolean bounded = market && !byQuote && c.price() != null;
        OrderType type = byQuote ? OrderType.MARKET_QUOTE : bounded ? OrderType.LIMIT : OrderType.valueOf(c.orderType());
        // The edge's proof that decimals fit: what does not is rejected here, never thrown on the matching thread.
        long price = market && !bounded ? 0 : EngineUnits.units(c.price(), tick);
        long lots = byQuote ? 0 : EngineUnits.units(c.quantity(), step);
        long quote = byQuote ? EngineUnits.quoteUnits(c.quoteQuantity(), tick, step) : 0;
        if (price < 0 || lots < 0 || quote < 0) {
            done(c.orderId(), c.userId(), DoneReason.OUT_OF_RANGE, 0);
            return end("PLACE", c.orderId());
        }
        book.place(c.orderId(), c.userId(), Side.valueOf(c.side()), type, TimeInForce.valueOf(c.timeInForce()), price,
                lots, quote, SelfTradePrevention.valueOf(c.selfTradePrevention()), this);
        return end("PLACE", c.orderId());
    }

    /**
     * The outcome of a command the engine could not process: the order (if it was a place) is
     * rejected, whatever the failed attempt had collected is dropped. The book itself is left as it
     * was; the edge checks above keep the book's own arithmetic from failing.
     */
    MatchOutcome failed(String command, long orderId, long userId) {
        begin();
        if ("PLACE".equals(command)) {
            done(orderId, userId, DoneReason.ENGINE_ERROR, 0);
        }
        return end(command, orderId);
    }

    MatchOutcome cancel(OrderCancelRequested c) {
        begin();
        if (!seen.contains(c.orderId())) {
            // Only an order newer than the window can still arrive: an older one's cancel is not kept.
            if (c.orderId() > seenWatermark && canceledEarly.size() < SEEN_WINDOW) {
                canceledEarly.add(c.orderId());
            }
            states.add(new MatchOutcome.OrderState(c.orderId(), c.userId(), "REJECTED", DoneReason.UNKNOWN_ORDER.name()));
            return end("CANCEL", c.orderId());
        }
        book.cancel(c.orderId(), c.userId(), this);
        return end("CANCEL", c.orderId());
    }

    private void remember(long orderId) {
        seenOrder.addLast(orderId);
        while (seenOrder.size() > SEEN_WINDOW) {
            long old = seenOrder.removeFirst();
            seen.remove(old);
            seenWatermark = Math.max(seenWatermark, old);
        }
        // Below the watermark an early cancel can no longer meet its place.
        if (!canceledEarly.isEmpty() && seenOrder.size() == SEEN_WINDOW && (++evictions & 1023) == 0) {
            canceledEarly.removeIf(id -> id <= seenWatermark);
        }
    }

    /** How many place commands the window remembers (for tests: it never passes the window). */
    int remembered() {
        return seen.size();
    }

    /**
     * The market data of the commands since the last call: the changed price levels and, if
     * anything traded, the last price. Empty when nothing happened.
     */
    List<DomainEvent> marketUpdates() {
        List<DomainEvent> updates = new ArrayList<>(2);
        if (published.sequence() == sequence) {
            return updates;
        }
        List<DepthUpdated.Level> bids = new ArrayList<>();
        List<DepthUpdated.Level> asks = new ArrayList<>();
        depthTracker.changes((side, price, quantity) -> (side == Side.BUY ? bids : asks).add(
                new DepthUpdated.Level(price(price), quantity(quantity))));
        published = depthTracker.view(sequence);
        // Commands that changed no level fold into the next update, so that each update's
        // firstSequence is the previous one's lastSequence + 1: a client can tell a gap.
        if (!bids.isEmpty() || !asks.isEmpty()) {
            updates.add(new DepthUpdated(symbol, firstUnpublished, sequence, bids, asks));
            firstUnpublished = sequence + 1;
        }
        if (lastTradePrice >= 0) {
            updates.add(new TradePriceUpdated(symbol, sequence, tradeSequence, price(lastTradePrice)));
            lastTradePrice = -1;
        }
        return updates;
    }

    /**
     * The depth as of the last batch of commands (the top {@value DepthTracker#LEVELS} levels):
     * safe to call from any thread, never waits for the matching thread.
     */
    OrderBookDepth.Depth depth(int limit) {
        DepthTracker.View view = published;
        return new OrderBookDepth.Depth(symbol, view.sequence(), levels(view.bids(), limit), levels(view.asks(), limit));
    }

    private List<OrderBookDepth.Level> levels(DepthTracker.Levels top, int limit) {
        int n = Math.min(limit, top.prices().length);
        List<OrderBookDepth.Level> levels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            levels.add(new OrderBookDepth.Level(price(top.prices()[i]), quantity(top.quantities()[i]), top.orders()[i]));
        }
        return levels;
    }

    private BigDecimal price(long ticks) {
        return tick.multiply(BigDecimal.valueOf(ticks));
    }

    private BigDecimal quantity(long lots) {
        return step.multiply(BigDecimal.valueOf(lots));
    }

    EngineStatus.Book status() {
        return new EngineStatus.Book(symbol, sequence, book.stateHash(), book.restingOrders());
    }

    /** Everything that makes this book what it is, for a snapshot; {@link #restore} reads it back. */
    void writeTo(DataOutput out) throws IOException {
        out.writeUTF(symbol);
        out.writeLong(sequence);
        out.writeLong(tradeSequence);
        out.writeInt(book.restingOrders());
        try {
            book.forEachResting((id, userId, side, price, remaining, stp) -> {
                try {
                    out.writeLong(id);
                    out.writeLong(userId);
                    out.writeByte(side.ordinal());
                    out.writeLong(price);
                    out.writeLong(remaining);
                    out.writeByte(stp.ordinal());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.writeLong(seenWatermark);
        writeIds(out, seenOrder);
        writeIds(out, canceledEarly);
    }

    /** Reads what {@link #writeTo} wrote after the symbol name. */
    void restore(DataInput in) throws IOException {
        sequence = in.readLong();
        tradeSequence = in.readLong();
        int resting = in.readInt();
        for (int i = 0; i < resting; i++) {
            long id = in.readLong();
            long userId = in.readLong();
            Side side = Side.values()[in.readByte()];
            long price = in.readLong();
            long remaining = in.readLong();
            SelfTradePrevention stp = SelfTradePrevention.values()[in.readByte()];
            book.restore(id, userId, side, price, remaining, stp);
        }
        seenWatermark = in.readLong();
        for (int n = in.readInt(); n > 0; n--) {
            long id = in.readLong();
            seenOrder.addLast(id);
            seen.add(id);
        }
        readIds(in, canceledEarly);
        depthTracker.reset();
        published = depthTracker.view(sequence);
        firstUnpublished = sequence + 1;
    }

    private static void writeIds(DataOutput out, java.util.Collection<Long> ids) throws IOException {
        out.writeInt(ids.size());
        for (long id : ids) {
            out.writeLong(id);
        }
    }

    private static void readIds(DataInput in, Set<Long> ids) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            ids.add(in.readLong());
        }
    }

    private void begin() {
        fills = new ArrayList<>(4);
        states = new ArrayList<>(4);
    }

    private MatchOutcome end(String command, long orderId) {
        return new MatchOutcome(symbol, ++sequence, command, orderId, fills, states);
    }

    @Override
    public void trade(long makerOrderId, long makerUserId, long takerOrderId, long takerUserId, Side takerSide,
                      long price, long quantity) {
        fills.add(new MatchOutcome.Fill(++tradeSequence, makerOrderId, makerUserId, takerOrderId, takerUserId,
                takerSide.name(), price(price), quantity(quantity)));
        lastTradePrice = price;
    }

    @Override
    public void rested(long orderId, long userId, Side side, long price, long remaining) {
        states.add(new MatchOutcome.OrderState(orderId, userId, "RESTING", "RESTING"));
    }

    @Override
    public void done(long orderId, long userId, DoneReason reason, long remaining) {
        String status = switch (reason) {
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELED";
            case EXPIRED, FOK_UNFILLABLE, STP_EXPIRED_TAKER, STP_EXPIRED_MAKER -> "EXPIRED";
            case POST_ONLY_WOULD_CROSS, DUPLICATE_ORDER_ID, UNKNOWN_ORDER, OUT_OF_RANGE, ENGINE_ERROR -> "REJECTED";
        };
        states.add(new MatchOutcome.OrderState(orderId, userId, status, reason.name()));
    }
}
