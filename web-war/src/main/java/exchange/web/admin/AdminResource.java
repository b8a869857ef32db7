package exchange.web.admin;

import exchange.web.validation.Given;
import exchange.web.validation.InRange;
import exchange.web.security.Caller;
import exchange.api.Page;
import exchange.api.finance.AuditEntryView;
import exchange.api.finance.AuditTrail;
import exchange.api.finance.MessagePathProbe;
import exchange.api.user.AccessToken;
import exchange.api.user.OperatorAuthentication;
import exchange.api.user.UserDirectory;
import exchange.api.user.UserView;
import exchange.web.security.Open;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The operators' API (the console's pages use the same business interfaces). */
@Path("admin")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminResource {
    @EJB
    private OperatorAuthentication operators;
    @EJB
    private UserDirectory users;
    @EJB
    private AuditTrail audit;
    @EJB
    private MessagePathProbe probe;
    @Inject
    private Caller caller;

    public record LoginRequest(@Given @exchange.web.validation.Length(max = 254) String email,
                               @Given @exchange.web.validation.Length(max = 128) String password,
                               @exchange.web.validation.Length(max = 6) String totpCode) {
    }

    public record ProbeRequest(boolean rollBack) {
    }

    @POST
    @Path("login")
    @Open
    @exchange.web.limits.SignIn
    public Map<String, String> login(@NotNull @Valid LoginRequest body) {
        AccessToken token = operators.login(body.email(), body.password(), body.totpCode());
        return Map.of("token", token.token(), "expiresAt", token.expiresAt().toString());
    }

    @GET
    @Path("users")
    @Roles("admin")
    public Page<UserView> users(@QueryParam("page") @DefaultValue("0") @InRange(min = 0, max = Integer.MAX_VALUE) int page,
                                @QueryParam("size") @DefaultValue("20") @InRange(min = 1, max = 200) int size,
                                @QueryParam("email") String email) {
        return users.users(page, size, email);
    }

    @GET
    @Path("audit")
    @Roles("admin")
    public Page<AuditEntryView> audit(@QueryParam("page") @DefaultValue("0") @InRange(min = 0, max = Integer.MAX_VALUE) int page,
                                      @QueryParam("size") @DefaultValue("50") @InRange(min = 1, max = 500) int size,
                                      @QueryParam("type") String type,
                                      @QueryParam("subject") String subject) {
        return audit.entries(page, size, type, subject);
    }

    @POST
    @Path("ops/probe")
    @Roles("admin")
    public Map<String, String> probe(@NotNull ProbeRequest body) {
        return Map.of("probeId", probe.probe(caller.name(), body.rollBack()));
    }
}
