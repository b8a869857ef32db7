/**
 * The trade service (seed 3.3): markets, fee tiers, order entry in front of the matching engine,
 * and the projection of the engine's journal into orders, trades and market data. Owns the
 * {@code exchange_trade} schema.
 */
package exchange.trade;
