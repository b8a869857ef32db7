package exchange.web.admin;

import exchange.web.validation.InRange;
import exchange.web.validation.Length;
import exchange.web.validation.Given;
import exchange.web.security.Caller;
import exchange.api.wallet.AdjustmentView;
import exchange.api.wallet.BalanceAdjustments;
import exchange.api.wallet.ChainStatus;
import exchange.api.wallet.HotWallets;
import exchange.api.wallet.Withdrawals;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

/** Operators' audited credits and debits of user balances, and how the chains' deposit scanning stands. */
@Path("admin/wallet")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminWalletResource {
    @EJB
    private BalanceAdjustments adjustments;
    @EJB
    private ChainStatus chains;
    @EJB
    private Withdrawals withdrawals;
    @EJB
    private HotWallets hotWallets;

    public record Review(@Length(max = 255) String reason) {
    }
    @Inject
    private Caller caller;

    public record AdjustmentRequest(@NotNull @InRange(min = 1, max = Long.MAX_VALUE) Long userId, @Given String asset, @NotNull BigDecimal amount,
                                    @Given @Length(max = 255) String reason, @Length(max = 64) String requestId) {
    }

    @POST
    @Path("adjustments")
    @Roles("admin")
    public Response adjust(@NotNull @Valid AdjustmentRequest body) {
        AdjustmentView view = adjustments.adjust(body.userId(), body.asset(), body.amount(), body.reason(),
                caller.name(), body.requestId());
        // At or above the asset's four-eyes amount it is only asked for: 202 until a second operator approves.
        return Response.status(AdjustmentView.PENDING_APPROVAL.equals(view.status()) ? Response.Status.ACCEPTED : Response.Status.CREATED)
                .entity(view).build();
    }

    @GET
    @Path("adjustments/pending")
    @Roles("admin")
    public List<AdjustmentView> pendingAdjustments() {
        return adjustments.pending(500);
    }

    @POST
    @Path("adjustments/{id}/approve")
    @Roles("admin")
    public AdjustmentView approveAdjustment(@jakarta.ws.rs.PathParam("id") long id) {
        return adjustments.approve(id, caller.name());
    }

    /** Per chain: scanning on, node reachable, last block processed, and why not when it is down. */
    @GET
    @Path("chains")
    @Roles("admin")
    public List<ChainStatus.ChainView> chains() {
        return chains.chains();
    }

    /** Per chain: the hot wallet's address and balances, and why approved withdrawals wait, if they do. */
    @GET
    @Path("hot-wallets")
    @Roles("admin")
    public List<HotWallets.HotWalletView> hotWallets() {
        return hotWallets.hotWallets();
    }

    @GET
    @Path("withdrawals/pending")
    @Roles("admin")
    public List<Withdrawals.WithdrawalView> pendingWithdrawals() {
        return withdrawals.pendingReview(500);
    }

    @POST
    @Path("withdrawals/{id}/approve")
    @Roles("admin")
    public Withdrawals.WithdrawalView approve(@jakarta.ws.rs.PathParam("id") long id, @Valid Review body) {
        return withdrawals.review(id, true, caller.name(), body == null ? null : body.reason());
    }

    @POST
    @Path("withdrawals/{id}/reject")
    @Roles("admin")
    public Withdrawals.WithdrawalView reject(@jakarta.ws.rs.PathParam("id") long id, @NotNull @Valid Review body) {
        return withdrawals.review(id, false, caller.name(), body.reason());
    }

    /** Approved withdrawals not yet signed: what cancel can still stop. */
    @GET
    @Path("withdrawals/approved")
    @Roles("admin")
    public List<Withdrawals.WithdrawalView> approvedWithdrawals() {
        return withdrawals.approved(500);
    }

    /** Signed withdrawals our node refused and that are not provably dead: watched, never re-approvable. */
    @GET
    @Path("withdrawals/stuck")
    @Roles("admin")
    public List<Withdrawals.WithdrawalView> stuckWithdrawals() {
        return withdrawals.stuck(500);
    }

    @POST
    @Path("withdrawals/{id}/cancel")
    @Roles("admin")
    public Withdrawals.WithdrawalView cancel(@jakarta.ws.rs.PathParam("id") long id, @NotNull @Valid Review body) {
        return withdrawals.cancelApproved(id, caller.name(), body.reason());
    }
}
