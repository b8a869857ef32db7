/**
 * The operators' console (Jakarta Faces under {@code /admin}). Pages talk to the services through
 * their business interfaces and show DTOs, never entities.
 */
package exchange.admin;
