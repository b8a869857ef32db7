package exchange.web.trade;

import exchange.api.trade.EngineStatus;
import exchange.web.security.Open;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Whether this instance's engine takes commands: 200 on the leader, 503 elsewhere. The cluster's
 * load balancer sends traders only to the instance that answers 200, so a takeover moves them
 * within its check interval. Open: it says nothing a trader could use.
 */
@Path("engine/role")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EngineRoleResource {
    @EJB
    private EngineStatus engine;

    @GET
    @Open
    public Response role() {
        String role = engine.role();
        // Since when it leads (epoch ms): how a chaos run measures a takeover to the millisecond.
        return "leader".equals(role) ? Response.ok(Map.of("role", role, "since", engine.leadingSince())).build()
                : Response.status(503).entity(Map.of("role", role)).build();
    }
}
