package exchange.api.trade;

import jakarta.ejb.Local;
import java.util.List;

/** The markets and the trading terms around them, as the trade service keeps them. */
@Local
public interface MarketDirectory {
    List<SymbolView> symbols();

    /** Whether the symbol is listed (any status): one cached lookup, not the whole table. */
    boolean listed(String symbol);

    /**
     * A KYC level's trading limits in a quote asset: the largest order's notional and what one UTC
     * day's orders may add up to. A level with no row for a quote asset cannot trade against it.
     */
    record TradingLimit(int kycLevel, String quoteAsset, java.math.BigDecimal orderMax, java.math.BigDecimal dailyMax)
            implements java.io.Serializable {
    }

    List<TradingLimit> tradingLimits();
}
