package exchange.admin.security;

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

    public String signIn() {
        Optional<OperatorView> operator = operators.authenticate(email, password)
                .filter(o -> o.roles().stream().anyMatch(OperatorAuthentication.ROLES::contains));
        FacesContext faces = FacesContext.getCurrentInstance();
        if (operator.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong e-mail or password, or no console role.", null));
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
