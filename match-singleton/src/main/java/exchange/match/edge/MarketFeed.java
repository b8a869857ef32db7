package exchange.match.edge;

import exchange.api.event.DepthUpdated;
import exchange.api.event.DomainEvent;
import exchange.api.event.TradePriceUpdated;
import exchange.api.trade.OrderBookDepth;
import exchange.match.book.Side;
import exchange.match.core.EngineEvent;
import exchange.match.core.TradingCore;
import exchange.match.journal.Directory;
import exchange.match.journal.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Market data after each journal entry, on the engine's thread: for every market the entry
 * touched, the depth levels that changed (numbered by the market's own command count, so each
 * update starts where the last ended) and the last trade price; and the published depth that
 * REST reads from any thread without waiting for the engine.
 */
final class MarketFeed {
    private final Map<Integer, DepthTracker> trackers = new ConcurrentHashMap<>();
    private final Map<Integer, Long> publishedSequence = new ConcurrentHashMap<>();
    /** Kept in units; REST converts what it reads, so the engine's thread builds no decimals for it. */
    private final Map<String, Published> published = new ConcurrentHashMap<>();

    private record Published(Directory.MarketInfo market, DepthTracker.View view) {
    }

    /** The market data events of one applied entry, in market order. */
    List<DomainEvent> afterEntry(TradingCore core, Directory directory, List<Outcome> outcomes) {
        Map<Integer, EngineEvent.Traded> lastTrade = new java.util.TreeMap<>();
        java.util.Set<Integer> touched = new java.util.TreeSet<>();
        for (Outcome o : outcomes) {
            int market = ResultTranslator.marketOf(o);
            if (market >= 0) {
                touched.add(market);
            }
            for (EngineEvent e : o.events()) {
                if (e instanceof EngineEvent.Traded t) {
                    lastTrade.put(t.market(), t);
                }
            }
        }
        List<DomainEvent> events = new ArrayList<>();
        for (int market : touched) {
            Directory.MarketInfo m = directory.market(market);
            long sequence = core.marketSequence(market);
            long from = publishedSequence.getOrDefault(market, 0L) + 1;
            if (sequence < from) {
                continue; // a refused command that never reached the book
            }
            DepthTracker tracker = tracker(core, market);
            List<DepthUpdated.Level> bids = new ArrayList<>();
            List<DepthUpdated.Level> asks = new ArrayList<>();
            tracker.changes((side, price, quantity) -> (side == Side.BUY ? bids : asks).add(
                    new DepthUpdated.Level(Units.price(m, price), Units.quantity(m, quantity))));
            publish(m, tracker.view(sequence));
            // Commands that changed no level fold into the next update, so a client can tell a gap.
            if (!bids.isEmpty() || !asks.isEmpty()) {
                events.add(new DepthUpdated(m.symbol(), from, sequence, bids, asks));
                publishedSequence.put(market, sequence);
            }
            EngineEvent.Traded t = lastTrade.get(market);
            if (t != null) {
                events.add(new TradePriceUpdated(m.symbol(), sequence, t.tradeId(), Units.price(m, t.price())));
            }
        }
        return events;
    }

    /**
     * Starts each market's feed where the core stands (after recovery): the next update continues
     * the numbering clients saw before the restart.
     */
    void start(TradingCore core, Directory directory) {
        for (Directory.MarketInfo m : directory.markets()) {
            long sequence = core.marketSequence(m.id());
            publishedSequence.put(m.id(), sequence);
            DepthTracker tracker = tracker(core, m.id());
            tracker.changes((side, price, quantity) -> { });
            publish(m, tracker.view(sequence));
        }
    }

    /** The depth as of the last entry; empty for a market with no book yet, null for an unknown one. */
    OrderBookDepth.Depth depth(String symbol, int limit) {
        Published p = published.get(symbol);
        if (p == null) {
            return null;
        }
        return new OrderBookDepth.Depth(symbol, p.view().sequence(), levels(p.market(), p.view().bids(), limit),
                levels(p.market(), p.view().asks(), limit));
    }

    private DepthTracker tracker(TradingCore core, int market) {
        return trackers.computeIfAbsent(market, id -> new DepthTracker(core.book(id)));
    }

    private void publish(Directory.MarketInfo m, DepthTracker.View view) {
        published.put(m.symbol(), new Published(m, view));
    }

    private static List<OrderBookDepth.Level> levels(Directory.MarketInfo m, DepthTracker.Levels top, int limit) {
        int n = Math.min(limit, top.prices().length);
        List<OrderBookDepth.Level> levels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal price = Units.price(m, top.prices()[i]);
            levels.add(new OrderBookDepth.Level(price, Units.quantity(m, top.quantities()[i]), top.orders()[i]));
        }
        return levels;
    }
}
