package exchange.web.admin;

import exchange.api.user.Kyc;
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

/** Operators' KYC review queue (the console's page comes with #6). */
@Path("admin/kyc")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminKycResource {
    @EJB
    private Kyc kyc;
    @Inject
    private Caller caller;

    public record Decision(@Length(max = 255) String reason) {
    }

    @GET
    @Path("pending")
    public List<Kyc.ApplicationView> pending() {
        return kyc.pending(500);
    }

    @POST
    @Path("{id}/approve")
    public Kyc.ApplicationView approve(@PathParam("id") long id, @Valid Decision body) {
        return kyc.review(id, true, caller.name(), body == null ? null : body.reason());
    }

    @POST
    @Path("{id}/reject")
    public Kyc.ApplicationView reject(@PathParam("id") long id, @Valid Decision body) {
        return kyc.review(id, false, caller.name(), body == null ? null : body.reason());
    }
}
