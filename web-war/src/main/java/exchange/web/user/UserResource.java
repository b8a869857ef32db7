package exchange.web.user;

import exchange.web.validation.InRange;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import exchange.web.validation.Given;
import exchange.web.security.Caller;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.AccessToken;
import exchange.api.user.UserDirectory;
import exchange.api.user.UserLogin;
import exchange.api.user.UserRegistration;
import exchange.api.user.UserView;
import exchange.web.security.Open;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Seed 2.1 / 3.1: sign-up with an e-mailed code, login, and who-am-I. */
@Path("user")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    @EJB
    private UserRegistration registration;
    @EJB
    private UserLogin login;
    @EJB
    private exchange.api.user.UserSessions sessions;
    @EJB
    private UserDirectory users;
    @EJB
    private exchange.api.user.SecondFactor secondFactor;
    @Inject
    private Caller caller;
    @Inject
    private HttpServletRequest request;

    public record CodeRequest(@Given String email) {
    }

    public record RegisterRequest(@Given String email, @Given String code, @Given String password) {
    }

    public record LoginRequest(@Given String email, @Given String password) {
    }

    public record TotpCode(@Given String code) {
    }

    /** refreshToken: after a login or a refresh; spend it at {@code POST /api/user/token/refresh} for the next pair. */
    public record TokenResponse(long userId, String email, String token, String expiresAt, String refreshToken) {
        static TokenResponse of(AccessToken t) {
            return new TokenResponse(t.subjectId(), t.email(), t.token(), t.expiresAt().toString(), t.refreshToken());
        }
    }

    public record RefreshRequest(@Given String refreshToken) {
    }

    @POST
    @Path("register/code")
    @Open
    public Response sendCode(@NotNull @Valid CodeRequest body) {
        registration.sendCode(body.email());
        return Response.accepted().build();
    }

    @POST
    @Path("register")
    @Open
    public Response register(@NotNull @Valid RegisterRequest body) {
        AccessToken token = registration.register(body.email(), body.code(), body.password());
        return Response.status(Response.Status.CREATED).entity(TokenResponse.of(token)).build();
    }

    @POST
    @Path("login")
    @Open
    @exchange.web.limits.SignIn
    public TokenResponse login(@NotNull @Valid LoginRequest body) {
        return TokenResponse.of(login.login(body.email(), body.password(), exchange.api.web.ClientAddress.of(request), request.getHeader("User-Agent")));
    }

    /** A new access token and refresh token for the session; the refresh token given is spent. */
    @POST
    @Path("token/refresh")
    @Open
    public TokenResponse refresh(@NotNull @Valid RefreshRequest body) {
        return TokenResponse.of(sessions.refresh(body.refreshToken()));
    }

    /** Ends this session: its access token stops working at once, its refresh token too. */
    @POST
    @Path("logout")
    @Roles("trader")
    public Response logout() {
        sessions.logout(caller.userId(), caller.sessionId());
        return Response.noContent().build();
    }

    /** Ends every session of the caller, this one included. */
    @POST
    @Path("logout/all")
    @Roles("trader")
    public Response logoutEverywhere() {
        sessions.logoutEverywhere(caller.userId());
        return Response.noContent().build();
    }

    @GET
    @Path("logins")
    @Roles("trader")
    public java.util.List<exchange.api.user.UserSessions.LoginView> logins(
            @QueryParam("limit") @DefaultValue("50") @InRange(min = 1, max = 500) int limit) {
        return sessions.logins(caller.userId(), limit);
    }

    /**
     * A signed-in no-op: answers {@code {}} after every filter a trader's call passes (JWT, session,
     * weight limit, role). Clients use it to check a token; the e2e bench measures the request
     * path's own cost with it.
     */
    @GET
    @Path("ping")
    @Roles("trader")
    public java.util.Map<String, Object> ping() {
        return java.util.Map.of();
    }

    @GET
    @Path("me")
    @Roles("trader")
    public UserView me() {
        return users.user(caller.userId())
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND));
    }

    /** A new TOTP secret and otpauth URI for the caller's authenticator app; in force after {@code 2fa/enable}. */
    @POST
    @Path("2fa/setup")
    @Roles("trader")
    public exchange.api.user.SecondFactor.Setup setupSecondFactor() {
        return secondFactor.setup(caller.userId());
    }

    /** Switches the second factor on with a current code; from then on withdrawals need one. */
    @POST
    @Path("2fa/enable")
    @Roles("trader")
    public java.util.Map<String, Object> enableSecondFactor(@jakarta.validation.constraints.NotNull @jakarta.validation.Valid TotpCode body) {
        secondFactor.enable(caller.userId(), body.code());
        return java.util.Map.of("enabled", true);
    }
}
