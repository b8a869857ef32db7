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
        return operator != null && operator.roles().contains(ADMIN);
    }

    public String getEmail() {
        return operator == null ? "" : operator.email();
    }
}
