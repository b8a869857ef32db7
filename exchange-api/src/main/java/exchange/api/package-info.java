/**
 * The only code the services share: event types, business interfaces other modules may call,
 * value types, error codes, and the messaging kit (outbox, inbox) so that the consistency
 * mechanism between the database and RocketMQ is written once.
 */
package exchange.api;
