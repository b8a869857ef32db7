package exchange.trade.order;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.OrderBookDepth;
import exchange.api.trade.OrderService;
import exchange.api.user.Kyc;
import exchange.trade.market.Symbol;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The trading limits of the user's KYC level (trade_limits, data): an order's notional within
 * the largest order, and the day's orders (UTC) within the daily amount, per quote asset. The
 * day's usage is added to in the placing transaction, under its row lock, so concurrent orders
 * of one user cannot both slip under the limit and a rejected order counts nothing.
 */
@Stateless
public class TradingLimits {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private Kyc kyc;
    @EJB
    private OrderBookDepth depth;
    @EJB
    private EngineGateway engine;

    public void admit(long userId, Symbol symbol, ValidOrder order) {
        int level = kyc.level(userId);
        Limit limit = limit(level, symbol.quoteAsset());
        BigDecimal notional = notional(symbol, order);
        String quote = symbol.quoteAsset();
        if (limit == null) {
            throw new BusinessException(ErrorCode.TRADING_LIMIT_EXCEEDED, "KYC level " + level + " cannot trade against " + quote + ".");
        }
        if (notional.compareTo(limit.orderMax()) > 0) {
            throw new BusinessException(ErrorCode.TRADING_LIMIT_EXCEEDED, "KYC level " + level + " allows orders of up to "
                    + plain(limit.orderMax()) + " " + quote + "; this one is " + plain(notional) + ".");
        }
        Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
        em.createNativeQuery("""
                INSERT INTO exchange_trade.trade_usage (user_id, quote_asset, day, notional) VALUES (?1, ?2, ?3, ?4)
                ON DUPLICATE KEY UPDATE notional = notional + VALUES(notional)""")
                .setParameter(1, userId).setParameter(2, quote).setParameter(3, today).setParameter(4, notional).executeUpdate();
        BigDecimal used = (BigDecimal) em.createNativeQuery(
                        "SELECT notional FROM exchange_trade.trade_usage WHERE user_id = ?1 AND quote_asset = ?2 AND day = ?3")
                .setParameter(1, userId).setParameter(2, quote).setParameter(3, today).getSingleResult();
        if (used.compareTo(limit.dailyMax()) > 0) {
            // The rollback this exception causes takes the usage added above back out.
            throw new BusinessException(ErrorCode.TRADING_LIMIT_EXCEEDED, "KYC level " + level + " allows "
                    + plain(limit.dailyMax()) + " " + quote + " of orders per UTC day; "
                    + plain(used.subtract(notional)) + " used.");
        }
    }

    /** Each quote asset's limits at the user's level and what the user ordered today. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderService.TradeLimit> of(long userId) {
        engine.awaitProjected(userId);
        int level = kyc.level(userId);
        Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
        List<?> rows = em.createNativeQuery("""
                SELECT l.quote_asset, l.order_max, l.daily_max, COALESCE(u.notional, 0)
                FROM exchange_trade.trade_limits l
                LEFT JOIN exchange_trade.trade_usage u ON u.user_id = ?2 AND u.quote_asset = l.quote_asset AND u.day = ?3
                WHERE l.kyc_level = ?1 ORDER BY l.quote_asset""")
                .setParameter(1, level).setParameter(2, userId).setParameter(3, today).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new OrderService.TradeLimit(level, (String) r[0],
                (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3])).toList();
    }

    private Limit limit(int level, String quote) {
        List<?> rows = em.createNativeQuery(
                        "SELECT order_max, daily_max FROM exchange_trade.trade_limits WHERE kyc_level = ?1 AND quote_asset = ?2")
                .setParameter(1, level).setParameter(2, quote).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new Limit((BigDecimal) r[0], (BigDecimal) r[1]);
    }

    /**
     * A buy's most it may spend; a sell's price x quantity, a MARKET sell's at the best bid it would
     * meet first. With no bid there is nothing to price it by (it would count as nothing and pass
     * any limit), so it is refused: it could not fill anything now anyway.
     */
    private BigDecimal notional(Symbol symbol, ValidOrder order) {
        if ("BUY".equals(order.side())) {
            return order.frozenAmount();
        }
        if (order.price() != null) {
            return order.price().multiply(order.quantity());
        }
        List<OrderBookDepth.Level> bids = depth.depth(symbol.symbol(), 1).bids();
        if (bids.isEmpty()) {
            throw new BusinessException(ErrorCode.NO_LIQUIDITY, "The book has no bids to price a market sell against your"
                    + " trading limits; give a limit price.");
        }
        return bids.get(0).price().multiply(order.quantity());
    }

    private record Limit(BigDecimal orderMax, BigDecimal dailyMax) {
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
