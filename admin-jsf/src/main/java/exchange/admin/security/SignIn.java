package exchange.admin.security;

import exchange.api.error.BusinessException;
import exchange.api.user.OperatorAuthentication;
import exchange.api.user.OperatorView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The sign-in form: operators are checked by the user service; the console keeps no passwords. */
@Named
@RequestScoped
public class SignIn {
    @EJB
    private OperatorAuthentication operators;
    @Inject
    private OperatorSession session;
    private String email;
    private String password;
    private String totp;

    public String signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<OperatorView> operator;
        try {
            operator = operators.authenticate(email, password, totp)
                    .filter(o -> o.roles().stream().anyMatch(OperatorAuthentication.ROLES::contains));
        } catch (BusinessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Too many failed sign-ins: try again later.", null));
            return null;
        }
        if (operator.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong e-mail, password or two-factor code, or no console role.", null));
            return null;
        }
        // A new session id at sign-in, so a session id planted before it is worth nothing.
        ((HttpServletRequest) faces.getExternalContext().getRequest()).changeSessionId();
        session.signIn(operator.get());
        return ConsolePages.home(session) + "?faces-redirect=true";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTotp() {
        return totp;
    }

    public void setTotp(String totp) {
        this.totp = totp;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
