/**
 * The trade service (seed 3.3): markets now; orders, trades, settlement of match results and
 * market data with the trading issue. Owns the {@code exchange_trade} schema.
 */
package exchange.trade;
