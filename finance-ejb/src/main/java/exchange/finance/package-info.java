/**
 * The finance service: the audit log of every event now; fund flows, risk control,
 * reconciliation and reports later. Owns the {@code exchange_finance} schema.
 */
package exchange.finance;
