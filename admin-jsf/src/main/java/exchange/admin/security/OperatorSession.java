package exchange.admin.security;

import exchange.api.user.OperatorView;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** Who is signed in to this console session, if anyone. */
@Named
@SessionScoped
public class OperatorSession implements Serializable {
    public static final String ADMIN = "admin";

    private OperatorView operator;

    void signIn(OperatorView operator) {
        this.operator = operator;
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    public boolean isSignedIn() {
        return operator != null;
    }

    /** admin may do everything; the other roles what their pages allow. */
    public boolean hasRole(String role) {
        return operator != null && (operator.roles().contains(role) || operator.roles().contains(ADMIN));
    }

    /** Any of the roles, comma separated (for page guards and menus). */
    public boolean hasAnyRole(String roles) {
        for (String role : roles.split(",")) {
            if (hasRole(role.trim())) {
                return true;
            }
        }
        return false;
    }

    public String getRoles() {
        return operator == null ? "" : String.join(", ", new java.util.TreeSet<>(operator.roles()));
    }

    public String getEmail() {
        return operator == null ? "" : operator.email();
    }
}
