package exchange.trade.order;

import java.math.BigDecimal;

/**
 * An order request that passed the symbol's filters, with what it may spend (a buy) or sell: what
 * the trading limits count. The engine holds the funds itself.
 */
record ValidOrder(String symbol, String side, String type, String timeInForce, String selfTradePrevention,
                  BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity, String frozenAsset,
                  BigDecimal frozenAmount) {
}
