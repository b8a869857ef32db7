package exchange.web.admin;

import exchange.web.validation.InRange;
import exchange.api.finance.FundFlows;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Fund flows of any user and the exchange's fee income. */
@Path("admin/finance")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminFinanceResource {
    @EJB
    private FundFlows flows;

    @GET
    @Path("flows")
    public List<FundFlows.Flow> flows(@QueryParam("userId") Long userId, @QueryParam("asset") String asset,
                                      @QueryParam("limit") @DefaultValue("100") @InRange(min = 1, max = 1000) int limit) {
        return flows.flows(userId, asset, limit);
    }

    @GET
    @Path("fees")
    public List<FundFlows.FeeTotal> fees() {
        return flows.feeIncome();
    }
}
