package exchange.trade.order;

import java.math.BigDecimal;

/** An order request that passed the symbol's filters, with the funds it needs frozen. */
record ValidOrder(String symbol, String side, String type, String timeInForce, String selfTradePrevention,
                  BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, String frozenAsset,
                  BigDecimal frozenAmount) {
}
