package exchange.web.stream;

import exchange.web.security.Caller;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Opens, keeps alive and closes the key of a user's private stream at {@code /ws/user/{listenKey}}. */
@Path("user/stream")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Roles("trader")
public class ListenKeyResource {
    @Inject
    private Caller caller;
    @Inject
    private ListenKeys keys;

    @POST
    public Map<String, Object> open() {
        return Map.of("listenKey", keys.create(userId(), caller.sessionId()), "expiresInSeconds", ListenKeys.TTL_SECONDS);
    }

    @PUT
    public Map<String, Object> keepAlive(@QueryParam("listenKey") String key) {
        if (!keys.keepAlive(key, userId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such listen key.");
        }
        return Map.of();
    }

    @DELETE
    public Map<String, Object> close(@QueryParam("listenKey") String key) {
        if (!keys.delete(key, userId())) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such listen key.");
        }
        return Map.of();
    }

    private long userId() {
        return caller.userId();
    }
}
