package exchange.web.admin.audit;

import exchange.api.finance.OperatorAudit;
import exchange.web.security.Caller;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The admin API's audit, the console's twin ({@code ConsoleActions}): who (the operator's token),
 * what (method and path), on which subject (the path's ids), what was asked (the body, secrets
 * taken out) and what came of it (the answer, secrets taken out), recorded in the action's own
 * transaction ({@code @Transactional} on the resource runs outside this), so an action that
 * fails is not recorded and one that commits always is.
 */
@OperatorAction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditOperatorAction {
    private static final Jsonb JSON = JsonbBuilder.create();
    /** Fields whose values never reach the audit log. */
    private static final Pattern SECRET = Pattern.compile(
            "\"(password|totpSecret|otpauthUri|secret|totpCode|code)\"\\s*:\\s*(\"(\\\\.|[^\"\\\\])*\"|null|[0-9]+)");

    @Inject
    private Caller caller;
    @EJB
    private OperatorAudit audit;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        Method m = call.getMethod();
        if (m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(exchange.web.security.Open.class)
                || m.isAnnotationPresent(OperatorAction.RecordsItsOwn.class)) {
            return call.proceed();
        }
        Object result = call.proceed();
        Object answer = result instanceof Response r ? r.getEntity() : result;
        audit.record(caller.name(), limit(action(m), 64), limit(subject(m, call.getParameters()), 128),
                body(m, call.getParameters()), answer == null ? null : redact(JSON.toJson(answer)));
        return result;
    }

    private static String action(Method m) {
        String http = "POST";
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
                http = a.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class).value();
            }
        }
        Path type = m.getDeclaringClass().getAnnotation(Path.class);
        Path own = m.getAnnotation(Path.class);
        return http + " " + (type == null ? "" : type.value()) + (own == null ? "" : "/" + own.value());
    }

    private static String subject(Method m, Object[] args) {
        List<String> ids = new ArrayList<>();
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < args.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof PathParam p) {
                    ids.add(p.value() + "=" + args[i]);
                } else if (a instanceof QueryParam q) {
                    ids.add(q.value() + "=" + args[i]);
                }
            }
        }
        return ids.isEmpty() ? m.getDeclaringClass().getAnnotation(Path.class).value() : String.join(",", ids);
    }

    /** The request body: the one argument without a JAX-RS parameter annotation. */
    private static String body(Method m, Object[] args) {
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < args.length; i++) {
            boolean param = false;
            for (Annotation a : annotations[i]) {
                param |= a.annotationType().getPackageName().equals("jakarta.ws.rs");
            }
            if (!param && args[i] != null) {
                return redact(JSON.toJson(args[i]));
            }
        }
        return null;
    }

    static String redact(String json) {
        return SECRET.matcher(json).replaceAll("\"$1\":\"(redacted)\"");
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
