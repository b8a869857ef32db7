package exchange.web.admin.audit;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An admin resource whose every changing call (anything but GET) is an operator action: run in
 * one transaction with its audit record ({@link AuditOperatorAction}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorAction {
    /** A method that records its action itself, with a before and after the request cannot tell. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface RecordsItsOwn {
    }
}
