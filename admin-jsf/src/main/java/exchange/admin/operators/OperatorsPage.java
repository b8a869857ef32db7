package exchange.admin.operators;

import exchange.admin.ConsoleActions;
import exchange.api.user.OperatorAuthentication;
import exchange.api.user.OperatorView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Operators and their roles; an admin adds one (the password is given to them out of band). */
@Named
@ViewScoped
public class OperatorsPage implements Serializable {
    @EJB
    private OperatorAuthentication operators;
    @Inject
    private ConsoleActions actions;
    private List<OperatorView> list;
    private String email;
    private String password;
    private List<String> roles = new ArrayList<>();
    /** The new operator's TOTP secret and URI, shown once on this page for their authenticator app. */
    private OperatorAuthentication.NewOperator issued;

    public List<OperatorView> getOperators() {
        if (list == null) {
            list = operators.operators();
        }
        return list;
    }

    public List<String> getAllRoles() {
        return OperatorAuthentication.ROLES.stream().sorted().toList();
    }

    public void create() {
        // The audit record names the roles, never the secret.
        String[] roleNames = new String[1];
        issued = actions.run("admin", "operator.create", "operator:" + email, null, () -> {
            OperatorAuthentication.NewOperator made = operators.create(email, password, Set.copyOf(roles));
            roleNames[0] = made.operator().roles().toString();
            return made;
        }, made -> roleNames[0]);
        list = null;
        password = null;
    }

    /** A lost authenticator: a new secret, the old codes stop working. */
    public void renewSecondFactor(OperatorView operator) {
        issued = actions.run("admin", "operator.second-factor.renew", "operator:" + operator.email(), null,
                () -> operators.renewSecondFactor(operator.id()), made -> "renewed");
    }

    public OperatorAuthentication.NewOperator getIssued() {
        return issued;
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

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
