package exchange.api.trade;

import jakarta.ejb.Local;
import java.util.List;

@Local
public interface MarketDirectory {
    List<SymbolView> symbols();
}
