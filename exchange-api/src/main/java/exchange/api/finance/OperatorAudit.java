package exchange.api.finance;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Operators' actions, each recorded with the subject before and after it (seed: 审计日志, AuditLogged). */
@Local
public interface OperatorAudit {
    /** In the caller's transaction where it has one: the record commits with the action. */
    void record(String operator, String action, String subject, String before, String after);

    /** Newest first; operator and subject narrow it down when given. */
    List<ActionView> actions(String operator, String subject, int limit);

    record ActionView(long id, String operator, String action, String subject, String before, String after, Instant actedAt)
            implements Serializable {
    }
}
