package exchange.web.admin;

import exchange.api.trade.FeeSchedule;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Fee tiers and who pays which. */
@Path("admin/fees")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminFeeResource {
    @EJB
    private FeeSchedule fees;

    public record Rates(BigDecimal makerFee, BigDecimal takerFee) {
    }

    public record Assignment(String tier) {
    }

    @GET
    @Path("tiers")
    public List<FeeSchedule.FeeTier> tiers() {
        return fees.tiers();
    }

    @PUT
    @Path("tiers/{tier}")
    public FeeSchedule.FeeTier save(@PathParam("tier") String tier, @NotNull Rates rates) {
        return fees.saveTier(new FeeSchedule.FeeTier(tier, rates.makerFee(), rates.takerFee()));
    }

    /** {"tier":"VIP1"} puts the user in a tier; {"tier":null} back on the symbols' own rates. */
    @PUT
    @Path("users/{userId}")
    public Map<String, Object> assign(@PathParam("userId") long userId, @NotNull Assignment assignment) {
        fees.assign(userId, assignment.tier());
        return assignment.tier() == null ? Map.of("userId", userId) : Map.of("userId", userId, "tier", assignment.tier());
    }
}
