package exchange.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Callers whose token carries one of these roles may call the endpoint (on a method, or on its
 * class for every method that says nothing itself); {@link ClosedUnlessOpened} checks it. Not
 * {@code @RolesAllowed}: for that, Payara's MP-JWT adds a filter of its own that authenticates a
 * request a second time and asks Soteria for the caller by probing other servers' classes with
 * failing class loads, about a third of a signed-in request's CPU here (its switch in
 * payara-web.xml is not read for a WAR inside an EAR).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {
    String[] value();
}
