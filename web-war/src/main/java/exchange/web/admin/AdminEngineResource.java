package exchange.web.admin;

import exchange.api.trade.EngineStatus;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The engine's books as operations see them: sequence, state hash, resting orders per symbol. */
@Path("admin/engine")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminEngineResource {
    @EJB
    private EngineStatus engine;

    @GET
    public List<EngineStatus.Book> books() {
        return engine.books();
    }

    @GET
    @Path("recovery")
    public EngineStatus.Recovery recovery() {
        return engine.recovery();
    }

    /** Applied commands and journal offset only: cheap enough to poll (the lag monitors do). */
    @GET
    @Path("progress")
    public EngineStatus.Progress progress() {
        return engine.progress();
    }
}
