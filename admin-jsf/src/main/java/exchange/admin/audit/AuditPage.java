package exchange.admin.audit;

import exchange.admin.PagedView;
import exchange.api.Page;
import exchange.api.finance.AuditEntryView;
import exchange.api.finance.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The operators' actions, and the audit log finance keeps of every event, newest first, filtered by type or subject. */
@Named
@ViewScoped
public class AuditPage extends PagedView<AuditEntryView> {
    @EJB
    private AuditTrail trail;
    @EJB
    private exchange.api.finance.OperatorAudit operatorAudit;
    private java.util.List<exchange.api.finance.OperatorAudit.ActionView> actions;

    /** Operators' own actions, newest first: who, what, when, before and after. */
    public java.util.List<exchange.api.finance.OperatorAudit.ActionView> getActions() {
        if (actions == null) {
            actions = operatorAudit.actions(null, null, 100);
        }
        return actions;
    }
    private String type = "";
    private String subject = "";

    @Override
    protected Page<AuditEntryView> load(int page) {
        return trail.entries(page, 50, type, subject);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type.trim();
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject == null ? "" : subject.trim();
    }
}
