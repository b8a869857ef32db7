/**
 * The wallet service (seed 3.2, 3.4): users' accounts per asset with available and frozen
 * balances. Owns the {@code exchange_wallet} schema; every balance change will be a journal row.
 */
package exchange.wallet;
