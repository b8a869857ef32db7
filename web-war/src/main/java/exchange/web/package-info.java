/**
 * The traders' face: JAX-RS under {@code /api}, bearer tokens checked by MicroProfile JWT. Calls
 * the services only through their business interfaces in exchange-api.
 */
package exchange.web;
