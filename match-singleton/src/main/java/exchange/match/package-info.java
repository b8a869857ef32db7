/**
 * The matching engine's host (seed 3.3, "a @Singleton startup bean hosts matching"): one book per
 * symbol, fed by the ordered command stream. Owns no tables, only books and their snapshots.
 */
package exchange.match;
