package exchange.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anyone may call the endpoint, signed in or not (a token, when sent, is still checked by the
 * MP-JWT mechanism). Not {@code @PermitAll}, for the reason {@link Roles} gives.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Open {
}
