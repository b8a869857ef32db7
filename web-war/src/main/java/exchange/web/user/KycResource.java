package exchange.web.user;

import exchange.api.user.Kyc;
import exchange.web.security.Caller;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** The caller's KYC: level, applications, and document uploads (the raw file as the body). */
@Path("user/kyc")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Roles("trader")
public class KycResource {
    @EJB
    private Kyc kyc;
    @Inject
    private Caller caller;

    @GET
    public Kyc.Status status() {
        return kyc.status(caller.userId());
    }

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@NotNull Kyc.Application body) {
        return Response.status(Response.Status.CREATED).entity(kyc.apply(caller.userId(), body)).build();
    }

    /** PUT the file itself, Content-Type image/png, image/jpeg or application/pdf; again for the same kind replaces it. */
    @PUT
    @Path("applications/{id}/documents/{kind}")
    @Consumes({"image/png", "image/jpeg", "application/pdf"})
    public Response upload(@PathParam("id") long id, @PathParam("kind") String kind, @HeaderParam("Content-Type") String type,
                           InputStream content) {
        return Response.status(Response.Status.CREATED).entity(kyc.upload(caller.userId(), id, kind, type, content)).build();
    }

    /** Level 1: a one-time code by text message to the phone of the pending level-1 application. */
    @POST
    @Path("applications/{id}/phone-code")
    public Response sendPhoneCode(@PathParam("id") long id) {
        kyc.sendPhoneCode(caller.userId(), id);
        return Response.accepted(java.util.Map.of("sent", true)).build();
    }

    /** The code from the text message; the right one approves the level-1 application at once. */
    @POST
    @Path("applications/{id}/phone-code/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public Kyc.ApplicationView verifyPhone(@PathParam("id") long id, PhoneCode body) {
        if (body == null || body.code() == null || !body.code().matches("\\d{6}")) {
            throw new exchange.api.error.BusinessException(exchange.api.error.ErrorCode.VALIDATION_FAILED, "code: six digits");
        }
        return kyc.verifyPhone(caller.userId(), id, body.code());
    }

    public record PhoneCode(String code) {
    }
}
