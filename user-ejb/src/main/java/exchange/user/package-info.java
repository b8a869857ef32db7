/**
 * The user service (seed 2.1, 3.1): sign-up with an e-mailed code, login, tokens, and the
 * operators of the console. Owns the {@code exchange_user} schema; tells others through
 * {@code user-events}.
 */
package exchange.user;
