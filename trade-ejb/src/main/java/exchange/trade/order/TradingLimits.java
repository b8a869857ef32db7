package exchange.trade.order;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
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
import java.util.List;

/**
 * The trading limits of the user's KYC level (trade_limits, data): an order's notional within
 * the largest order, and the day's orders (UTC) within the daily amount, per quote asset. The
 * matching engine applies them (it is told the table and each user's level) and counts the day's
 * usage as it accepts orders, one at a time, so concurrent orders of one user cannot both slip
 * under the limit and a refused order counts nothing. This reads them for the user and puts a
 * refusal in words.
 */
@Stateless
public class TradingLimits {
    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private Kyc kyc;
    @EJB
    private EngineGateway engine;

    /**
     * The engine's refusal in words: the level's limits in the symbol's quote asset and what today's
     * orders used of them.
     */
    public BusinessException explain(long userId, Symbol symbol, BusinessException refusal) {
        try {
            int level = kyc.level(userId);
            String quote = symbol.quoteAsset();
            Limit limit = limit(level, quote);
            if (limit == null) {
                return new BusinessException(ErrorCode.TRADING_LIMIT_EXCEEDED, "KYC level " + level + " cannot trade against "
                        + quote + ".");
            }
            return new BusinessException(ErrorCode.TRADING_LIMIT_EXCEEDED, "KYC level " + level + " allows orders of up to "
                    + plain(limit.orderMax()) + " " + quote + " and " + plain(limit.dailyMax()) + " " + quote
                    + " of orders per UTC day; " + plain(engine.usedToday(userId, quote)) + " used today.");
        } catch (RuntimeException e) {
            return refusal;
        }
    }

    /** Each quote asset's limits at the user's level and what the user ordered today. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderService.TradeLimit> of(long userId) {
        int level = kyc.level(userId);
        List<?> rows = em.createNativeQuery("""
                SELECT l.quote_asset, l.order_max, l.daily_max FROM exchange_trade.trade_limits l
                WHERE l.kyc_level = ?1 ORDER BY l.quote_asset""")
                .setParameter(1, level).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new OrderService.TradeLimit(level, (String) r[0],
                (BigDecimal) r[1], (BigDecimal) r[2], engine.usedToday(userId, (String) r[0]))).toList();
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

    private record Limit(BigDecimal orderMax, BigDecimal dailyMax) {
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
