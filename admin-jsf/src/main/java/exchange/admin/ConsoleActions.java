package exchange.admin;

import exchange.admin.security.OperatorSession;
import exchange.api.error.BusinessException;
import exchange.api.finance.OperatorAudit;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Every operator action of the console: allowed for the operator's roles, run in one transaction
 * with its audit record (who, what, which subject, before and after), its outcome shown as a
 * message. A refused action (a business rule said no) changes nothing and is not recorded.
 */
@Named
@RequestScoped
public class ConsoleActions {
    @EJB
    private OperatorAudit audit;
    @Inject
    private OperatorSession session;
    @Inject
    private Transactions transactions;

    /** Returns the step's result, or null when the role or a business rule refused it (the message says why). */
    public <T> T run(String role, String action, String subject, Object before, Supplier<T> step) {
        return run(role, action, subject, before, step, r -> r == null ? null : r.toString());
    }

    /** As above, with what the audit record keeps of the result (for results that hold secrets). */
    public <T> T run(String role, String action, String subject, Object before, Supplier<T> step,
                     java.util.function.Function<T, String> recorded) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!session.hasRole(role)) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Your roles do not allow " + action + ".", null));
            return null;
        }
        try {
            T result = transactions.inOne(() -> {
                T r = step.get();
                audit.record(session.getEmail(), action, subject, before == null ? null : before.toString(), recorded.apply(r));
                return r;
            });
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, action + " " + subject + ": done.", null));
            return result;
        } catch (BusinessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.code() + ": " + e.getMessage(), null));
            return null;
        }
    }

    /** The transaction boundary, on a bean of its own so that the interceptor applies. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Transactions {
        @Transactional
        public <T> T inOne(Supplier<T> work) {
            return work.get();
        }
    }
}
