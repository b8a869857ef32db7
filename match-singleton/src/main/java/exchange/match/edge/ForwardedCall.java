package exchange.match.edge;

import exchange.api.engine.EngineGateway;
import exchange.api.trade.OrderBookDepth;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import javax.naming.InitialContext;

/**
 * A call on the engine's business interfaces made on an instance whose engine does not lead,
 * carried through Payara's data grid to the member that leads and made there on its engine host
 * (looked up by its portable name: the task runs on a grid thread, outside any component). A
 * call that arrives on a member that no longer leads is not sent on again: it is answered there,
 * as any call on an engine that does not lead.
 */
record ForwardedCall(String interfaceName, String method, Class<?>[] types, Object[] args)
        implements Callable<Object>, Serializable {
    private static final String HOST = "java:global/exchange/match-singleton/EngineHost!";
    private static final ThreadLocal<Boolean> FORWARDED = new ThreadLocal<>();

    static ForwardedCall of(Method m, Object[] args) {
        return new ForwardedCall(m.getDeclaringClass().getName(), m.getName(), m.getParameterTypes(), args);
    }

    /** True while a forwarded call runs on this thread: it is not forwarded again. */
    static boolean arrived() {
        return Boolean.TRUE.equals(FORWARDED.get());
    }

    @Override
    public Object call() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(ForwardedCall.class.getClassLoader());
        FORWARDED.set(Boolean.TRUE);
        try {
            Class<?> type = interfaceName.equals(OrderBookDepth.class.getName()) ? OrderBookDepth.class : EngineGateway.class;
            Object host = new InitialContext().lookup(HOST + type.getName());
            return type.getMethod(method, types).invoke(host, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        } finally {
            FORWARDED.remove();
            thread.setContextClassLoader(before);
        }
    }
}
