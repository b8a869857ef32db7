package exchange.match.edge;

import exchange.api.engine.EngineResults;
import exchange.match.book.DoneReason;
import exchange.match.book.OrderType;
import exchange.match.book.Side;
import exchange.match.core.BalanceCause;
import exchange.match.core.Command;
import exchange.match.core.EngineEvent;
import exchange.match.journal.CommandBatch;
import exchange.match.journal.Directory;
import exchange.match.journal.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one journal entry's outcomes into the projections' {@link EngineResults}: names for
 * numbers, decimals for units. Placed orders come from the place command (what the client asked)
 * and its acceptance (what it holds); everything else from the core's events.
 */
final class ResultTranslator {
    private ResultTranslator() {
    }

    static EngineResults translate(Directory directory, CommandBatch batch, List<Outcome> outcomes, long time) {
        List<EngineResults.Placed> placed = new ArrayList<>();
        List<EngineResults.Traded> trades = new ArrayList<>();
        List<EngineResults.Ended> ended = new ArrayList<>();
        List<EngineResults.Moved> moves = new ArrayList<>();
        for (Outcome o : outcomes) {
            int market = marketOf(o);
            Directory.MarketInfo m = market < 0 ? null : directory.market(market);
            for (EngineEvent e : o.events()) {
                if (e instanceof EngineEvent.OrderAccepted a && o.command() instanceof Command.Place p) {
                    placed.add(placed(o.sequence(), p, m, directory.asset(a.asset()), a.held()));
                } else if (e instanceof EngineEvent.Traded t) {
                    trades.add(traded(o.sequence(), t, directory.market(t.market())));
                } else if (e instanceof EngineEvent.Done d) {
                    ended.add(new EngineResults.Ended(o.sequence(), d.orderId(), d.userId(), directory.market(d.market()).symbol(),
                            status(d.reason()), d.reason().name()));
                } else if (e instanceof EngineEvent.BalanceChanged b) {
                    Directory.AssetInfo asset = directory.asset(b.asset());
                    boolean ofMarket = b.cause() == BalanceCause.ORDER_HOLD || b.cause() == BalanceCause.ORDER_RELEASE
                            || b.cause() == BalanceCause.TRADE || b.cause() == BalanceCause.TRADE_FEE;
                    moves.add(new EngineResults.Moved(o.sequence(), b.userId(), asset.code(),
                            Units.amount(asset, b.availableDelta()), Units.amount(asset, b.frozenDelta()), b.cause().name(),
                            b.ref(), ofMarket && m != null ? m.symbol() : null));
                }
            }
        }
        return new EngineResults(batch.sequence(), batch.next(), time, placed, trades, ended, moves);
    }

    /** The market an outcome concerns (its events name it), or -1 for commands without one. */
    static int marketOf(Outcome o) {
        if (o.command() instanceof Command.Place p) {
            return p.market();
        }
        for (EngineEvent e : o.events()) {
            if (e instanceof EngineEvent.Done d) {
                return d.market();
            } else if (e instanceof EngineEvent.Traded t) {
                return t.market();
            } else if (e instanceof EngineEvent.Rested r) {
                return r.market();
            }
        }
        return -1;
    }

    private static EngineResults.Placed placed(long sequence, Command.Place p, Directory.MarketInfo m,
                                               Directory.AssetInfo held, long heldUnits) {
        boolean limit = p.type() == OrderType.LIMIT || p.type() == OrderType.LIMIT_MAKER;
        boolean byQuote = p.type() == OrderType.MARKET_QUOTE;
        java.math.BigDecimal price = limit ? Units.price(m, p.price()) : null;
        if (p.type() == OrderType.MARKET && p.side() == Side.BUY && p.lots() > 0) {
            // A market buy by quantity is held at the book's price plus the protection: that is its price.
            price = Units.price(m, heldUnits / (p.lots() * m.quoteUnitsPerTickLot()));
        }
        return new EngineResults.Placed(sequence, p.orderId(), p.userId(), m.symbol(), p.side().name(),
                byQuote ? "MARKET" : p.type().name(), limit ? p.tif().name() : null,
                price, byQuote ? null : Units.quantity(m, p.lots()),
                byQuote ? Units.quote(m, p.budget()) : null, p.clientOrderId(), p.stp().name(), held.code(),
                Units.amount(held, heldUnits));
    }

    private static EngineResults.Traded traded(long sequence, EngineEvent.Traded t, Directory.MarketInfo m) {
        boolean takerBuys = t.takerSide() == Side.BUY;
        return new EngineResults.Traded(sequence, m.symbol(), t.tradeId(), Units.price(m, t.price()),
                Units.quantity(m, t.lots()), Units.quote(m, t.price() * t.lots()),
                takerBuys ? t.takerOrderId() : t.makerOrderId(), takerBuys ? t.takerUserId() : t.makerUserId(),
                takerBuys ? t.makerOrderId() : t.takerOrderId(), takerBuys ? t.makerUserId() : t.takerUserId(),
                t.takerSide().name(), Units.amount(m.base(), t.buyerFee()), Units.amount(m.quote(), t.sellerFee()));
    }

    /** The order status an end means, as the exchange's API names it. */
    static String status(DoneReason reason) {
        return switch (reason) {
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELED";
            case EXPIRED, FOK_UNFILLABLE, STP_EXPIRED_TAKER, STP_EXPIRED_MAKER -> "EXPIRED";
            case POST_ONLY_WOULD_CROSS, DUPLICATE_ORDER_ID, UNKNOWN_ORDER, OUT_OF_RANGE, ENGINE_ERROR -> "REJECTED";
        };
    }
}
