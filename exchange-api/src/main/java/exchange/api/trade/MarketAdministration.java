package exchange.api.trade;

import jakarta.ejb.Local;

/** Operators list markets and halt or resume them (halted: cancels only). */
@Local
public interface MarketAdministration {
    SymbolView list(SymbolSpec spec);

    SymbolView halt(String symbol);

    SymbolView resume(String symbol);

    /**
     * New fees and minimum notional (null: unchanged). Tick and step stay: orders rest on them,
     * and the engine keeps prices and quantities in those units.
     */
    SymbolView adjust(String symbol, java.math.BigDecimal minNotional, java.math.BigDecimal makerFee, java.math.BigDecimal takerFee);
}
