package exchange.web.wallet;

import exchange.web.validation.InRange;
import exchange.web.security.Caller;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.DepositAddresses;
import exchange.api.wallet.Deposits;
import exchange.api.wallet.WithdrawWhitelist;
import exchange.api.wallet.Withdrawals;
import exchange.api.wallet.WalletAccounts;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import exchange.api.finance.FundFlows;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's own accounts; the user id comes from the token, never from the request. */
@Path("wallet")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {
    @EJB
    private WalletAccounts accounts;
    @EJB
    private FundFlows flows;
    @EJB
    private DepositAddresses depositAddresses;
    @EJB
    private Deposits deposits;
    @EJB
    private Withdrawals withdrawals;
    @EJB
    private WithdrawWhitelist whitelist;
    @Inject
    private Caller caller;

    public record RechargeApply(String asset, String network) {
    }

    /** Seed 3.2: the caller's deposit address for an asset (and network); the same one on every call. */
    @POST
    @Path("recharge/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("trader")
    public DepositAddresses.DepositAddressView rechargeApply(@jakarta.validation.constraints.NotNull RechargeApply body) {
        return depositAddresses.apply(caller.userId(), body.asset(), body.network());
    }

    /** The caller's deposits, newest first, with status and confirmations. */
    @GET
    @Path("recharge/history")
    @Roles("trader")
    public List<Deposits.DepositView> rechargeHistory(@QueryParam("asset") String asset,
                                                      @QueryParam("limit") @DefaultValue("100") @InRange(min = 1, max = 1000) int limit) {
        return deposits.history(caller.userId(), asset, limit);
    }

    @GET
    @Path("accounts")
    @Roles("trader")
    public List<AccountView> accounts() {
        return accounts.accountsOf(caller.userId());
    }

    /** The caller's fund flows, newest first: every balance change with the balance after it. */
    @GET
    @Path("flows")
    @Roles("trader")
    public List<FundFlows.Flow> flows(@QueryParam("asset") String asset,
                                      @QueryParam("limit") @DefaultValue("100") @InRange(min = 1, max = 1000) int limit) {
        return flows.flows(caller.userId(), asset, limit);
    }

    /** Seed 3.4: apply for a withdrawal; amount plus fee are frozen at once. A repeated requestId returns the first one. */
    @POST
    @Path("withdraw/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("trader")
    public jakarta.ws.rs.core.Response withdrawApply(@jakarta.validation.constraints.NotNull Withdrawals.WithdrawRequest body) {
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.CREATED)
                .entity(withdrawals.apply(caller.userId(), body)).build();
    }

    @GET
    @Path("withdraw/history")
    @Roles("trader")
    public List<Withdrawals.WithdrawalView> withdrawHistory(@QueryParam("asset") String asset,
                                                           @QueryParam("limit") @DefaultValue("100") @InRange(min = 1, max = 1000) int limit) {
        return withdrawals.history(caller.userId(), asset, limit);
    }

    public record WhitelistAdd(String network, String address, String label, String totpCode) {
    }

    public record SecondFactorCode(String totpCode) {
    }

    /** The caller's withdrawal address book and whether it is enforced. */
    @GET
    @Path("withdraw/whitelist")
    @Roles("trader")
    public WithdrawWhitelist.Book whitelist() {
        return whitelist.book(caller.userId());
    }

    /** Adds an address (needs two-factor on and a fresh code); adding it twice returns the first entry. */
    @POST
    @Path("withdraw/whitelist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("trader")
    public jakarta.ws.rs.core.Response whitelistAdd(@jakarta.validation.constraints.NotNull WhitelistAdd body) {
        return jakarta.ws.rs.core.Response.status(jakarta.ws.rs.core.Response.Status.CREATED)
                .entity(whitelist.add(caller.userId(), body.network(), body.address(), body.label(), body.totpCode())).build();
    }

    @DELETE
    @Path("withdraw/whitelist/{id}")
    @Roles("trader")
    public jakarta.ws.rs.core.Response whitelistRemove(@PathParam("id") long id) {
        whitelist.remove(caller.userId(), id);
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    /** Switches enforcement on or off; either way a fresh two-factor code. */
    @POST
    @Path("withdraw/whitelist/{switch: enable|disable}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("trader")
    public WithdrawWhitelist.Book whitelistSwitch(@PathParam("switch") String to, @jakarta.validation.constraints.NotNull SecondFactorCode body) {
        whitelist.switchTo(caller.userId(), "enable".equals(to), body.totpCode());
        return whitelist.book(caller.userId());
    }
}
