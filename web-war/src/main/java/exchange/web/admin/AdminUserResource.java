package exchange.web.admin;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.UserDirectory;
import exchange.api.user.UserStatus;
import exchange.api.user.UserView;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.WalletAccounts;
import exchange.api.wallet.WalletFreeze;
import exchange.web.security.Caller;
import exchange.web.validation.Length;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** One user for operators: who, balances, whether the user or the wallet is frozen; freezing and unfreezing. */
@Path("admin/users/{id}")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminUserResource {
    @EJB
    private UserDirectory users;
    @EJB
    private UserStatus status;
    @EJB
    private WalletAccounts accounts;
    @EJB
    private WalletFreeze wallets;
    @Inject
    private Caller caller;

    public record Reason(@Length(max = 255) String reason) {
    }

    public record Detail(UserView user, boolean walletFrozen, List<AccountView> accounts) {
    }

    @GET
    public Detail detail(@PathParam("id") long id) {
        UserView user = users.user(id).orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No user " + id + "."));
        return new Detail(user, wallets.frozen(id), accounts.accountsOf(id));
    }

    @POST
    @Path("freeze")
    public UserView freeze(@PathParam("id") long id, @Valid Reason body) {
        return status.freeze(id, caller.name(), body == null ? null : body.reason());
    }

    @POST
    @Path("unfreeze")
    public UserView unfreeze(@PathParam("id") long id, @Valid Reason body) {
        return status.unfreeze(id, caller.name(), body == null ? null : body.reason());
    }

    @POST
    @Path("wallet/freeze")
    public Detail freezeWallet(@PathParam("id") long id, @Valid Reason body) {
        wallets.freeze(id, caller.name(), body == null ? null : body.reason());
        return detail(id);
    }

    @POST
    @Path("wallet/unfreeze")
    public Detail unfreezeWallet(@PathParam("id") long id) {
        wallets.unfreeze(id, caller.name());
        return detail(id);
    }
}
