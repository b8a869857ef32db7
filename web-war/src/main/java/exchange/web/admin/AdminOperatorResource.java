package exchange.web.admin;

import exchange.api.user.OperatorAuthentication;
import exchange.api.user.OperatorView;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Operators of the console and this API, with their roles (admin, finance, support, auditor). */
@Path("admin/operators")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminOperatorResource {
    @EJB
    private OperatorAuthentication operators;

    public record NewOperator(String email, String password, Set<String> roles) {
    }

    @GET
    public List<OperatorView> list() {
        return operators.operators();
    }

    @POST
    public Response create(NewOperator body) {
        if (body == null) {
            throw new exchange.api.error.BusinessException(exchange.api.error.ErrorCode.VALIDATION_FAILED, "email, password, roles");
        }
        return Response.status(Response.Status.CREATED).entity(operators.create(body.email(), body.password(), body.roles())).build();
    }

    /** A new TOTP secret for an operator who lost their authenticator: shown once, the old one stops working. */
    @POST
    @Path("{id}/second-factor")
    public OperatorAuthentication.NewOperator renewSecondFactor(@jakarta.ws.rs.PathParam("id") long id) {
        return operators.renewSecondFactor(id);
    }
}
