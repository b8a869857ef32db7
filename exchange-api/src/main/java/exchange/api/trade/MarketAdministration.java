package exchange.api.trade;

import jakarta.ejb.Local;

/** Operators list markets and halt or resume them (halted: cancels only). */
@Local
public interface MarketAdministration {
    SymbolView list(SymbolSpec spec);

    SymbolView halt(String symbol);

    SymbolView resume(String symbol);
}
