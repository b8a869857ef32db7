package exchange.api.trade;

import java.io.Serializable;
import java.math.BigDecimal;

public record SymbolView(String symbol, String baseAsset, String quoteAsset, BigDecimal priceTick,
                         BigDecimal quantityStep, BigDecimal minNotional, String status, BigDecimal makerFee,
                         BigDecimal takerFee) implements Serializable {
}
