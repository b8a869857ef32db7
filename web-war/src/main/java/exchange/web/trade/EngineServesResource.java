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
 * Whether this instance takes traders: 200 where the engine leads, and on the standby while
 * another live member leads (its engine calls are forwarded there); 503 while starting, deposed,
 * or standing by with nobody to forward to (a takeover under way). The cluster's load balancer
 * checks this, so both instances serve REST and WebSockets. Open: it says nothing a trader could use.
 */
@Path("engine/serves")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EngineServesResource {
    @EJB
    private EngineStatus engine;

    @GET
    @Open
    public Response serves() {
        String role = engine.role();
        return engine.serves() ? Response.ok(Map.of("serves", true, "role", role)).build()
                : Response.status(503).entity(Map.of("serves", false, "role", role)).build();
    }
}
