package exchange.web.admin;

import exchange.api.finance.RiskControl;
import exchange.web.security.Caller;
import exchange.web.validation.InRange;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Operators' risk control: the rules (data, editable) and their findings, which an operator clears. */
@Path("admin/risk")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminRiskResource {
    @EJB
    private RiskControl risk;
    @Inject
    private Caller caller;

    @GET
    @Path("rules")
    public List<RiskControl.RuleView> rules() {
        return risk.rules();
    }

    @PUT
    @Path("rules/{code}")
    public RiskControl.RuleView update(@PathParam("code") String code, RiskControl.RuleChange change) {
        return risk.updateRule(code, change, caller.name());
    }

    /** Newest first; subjectType WITHDRAWAL, DEPOSIT or LOGIN. */
    @GET
    @Path("findings")
    public List<RiskControl.FindingView> findings(@QueryParam("userId") Long userId, @QueryParam("subjectType") String subjectType,
                                                 @QueryParam("subjectId") String subjectId, @QueryParam("open") boolean open,
                                                 @QueryParam("limit") @DefaultValue("100") @InRange(min = 1, max = 1000) int limit) {
        return risk.findings(userId, subjectType, subjectId, open, limit);
    }

    @POST
    @Path("findings/{id}/clear")
    public RiskControl.FindingView clear(@PathParam("id") long id) {
        return risk.clear(id, caller.name());
    }
}
