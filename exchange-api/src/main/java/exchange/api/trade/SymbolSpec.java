package exchange.api.trade;

import java.io.Serializable;
import java.math.BigDecimal;

/** A new market as an operator lists it. */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset, BigDecimal priceTick,
                         BigDecimal quantityStep, BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee)
        implements Serializable {
}
