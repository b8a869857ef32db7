package exchange.web.user;

import exchange.api.user.ApiKeys;
import exchange.api.user.SecondFactor;
import exchange.web.security.Caller;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** The caller's API keys. The secret is in the creation's answer only; a key is created with a fresh 2FA code when 2FA is on. */
@Path("user/api-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Roles("trader")
public class ApiKeyResource {
    @EJB
    private ApiKeys keys;
    @EJB
    private SecondFactor secondFactor;
    @Inject
    private Caller caller;

    public record NewKey(String label, Set<ApiKeys.Permission> permissions, List<String> ipWhitelist, String totpCode) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull NewKey body) {
        secondFactor.require(caller.userId(), body.totpCode());
        return Response.status(Response.Status.CREATED)
                .entity(keys.create(caller.userId(), body.label(), body.permissions(), body.ipWhitelist())).build();
    }

    @GET
    public List<ApiKeys.KeyView> list() {
        return keys.list(caller.userId());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        keys.delete(caller.userId(), id);
        return Response.noContent().build();
    }
}
