package exchange.admin.kyc;

import exchange.admin.ConsoleActions;
import exchange.admin.security.OperatorSession;
import exchange.api.user.Kyc;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The KYC review queue: approve (raises the level, KYCApproved) or reject with a reason. */
@Named
@ViewScoped
public class KycPage implements Serializable {
    @EJB
    private Kyc kyc;
    @Inject
    private ConsoleActions actions;
    @Inject
    private OperatorSession session;
    private List<Kyc.ApplicationView> pending;
    private String reason;

    public List<Kyc.ApplicationView> getPending() {
        if (pending == null) {
            pending = kyc.pending(200);
        }
        return pending;
    }

    public void approve(Kyc.ApplicationView a) {
        actions.run("support", "kyc.approve", "kyc-application:" + a.id(), a.status(),
                () -> kyc.review(a.id(), true, session.getEmail(), reason).status());
        pending = null;
    }

    public void reject(Kyc.ApplicationView a) {
        actions.run("support", "kyc.reject", "kyc-application:" + a.id(), a.status(),
                () -> kyc.review(a.id(), false, session.getEmail(), reason).status());
        pending = null;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
