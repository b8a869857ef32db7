package exchange.web.stream;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A plain timer for the WebSocket sessions that carry orders, in place of the one Tyrus gives
 * them. Tyrus re-arms a session's idle timer on every frame received and sent, by scheduling a
 * task on the executor it found at start, Payara's managed one; and each task scheduled there
 * captures the caller's context with a ServiceLoader scan of the application's class path. In a
 * profile under WebSocket order load that was 40 % of the request threads' CPU. This executor
 * runs on a thread made once by the container's thread factory, so the task costs a queue entry.
 *
 * <p>Tyrus has no setting for it: the session's executor is a private field, set here by
 * reflection. Where that fails (another Tyrus), the session keeps Tyrus' own and only runs slower.
 * The sessions given this timer have no idle timeout (see {@link StreamHub#addBinance}), so its
 * tasks do nothing but exist.
 */
@ApplicationScoped
public class SessionTimers {
    private static final Logger LOG = Logger.getLogger(SessionTimers.class.getName());

    @Resource
    private ManagedThreadFactory threads;
    private volatile ScheduledThreadPoolExecutor timer;
    private volatile boolean unsupported;

    void adopt(Session session) {
        if (unsupported) {
            return;
        }
        try {
            Field service = session.getClass().getDeclaredField("service");
            if (!ScheduledExecutorService.class.isAssignableFrom(service.getType())) {
                throw new NoSuchFieldException("service is a " + service.getType());
            }
            service.setAccessible(true);
            service.set(session, timer());
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsupported = true;
            LOG.log(Level.INFO, "WebSocket sessions keep the container's timer: " + e);
        }
    }

    private ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = timer;
        if (t == null) {
            synchronized (this) {
                if (timer == null) {
                    ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1, threads);
                    made.setRemoveOnCancelPolicy(true); // a re-armed timer leaves nothing behind
                    timer = made;
                }
                t = timer;
            }
        }
        return t;
    }

    @PreDestroy
    void stop() {
        ScheduledThreadPoolExecutor t = timer;
        if (t != null) {
            t.shutdownNow();
        }
    }
}
