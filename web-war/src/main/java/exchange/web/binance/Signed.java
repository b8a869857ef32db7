package exchange.web.binance;

import exchange.api.user.ApiKeys;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Binance-style signed endpoint: an API key with this permission and an HMAC-SHA256 signature. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Signed {
    ApiKeys.Permission value() default ApiKeys.Permission.READ;
}
