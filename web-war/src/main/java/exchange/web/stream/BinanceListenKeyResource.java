package exchange.web.stream;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.ApiKeys;
import exchange.web.binance.BinanceError;
import exchange.web.security.Open;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Binance's {@code /api/v3/userDataStream}: the API key alone (no signature) opens, keeps alive
 * and closes a listen key; {@code /ws/<listenKey>} then streams the key owner's execution reports
 * and balances. The same keys as our own {@code /api/user/stream}, in Redis.
 */
@Path("v3/userDataStream")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Open
public class BinanceListenKeyResource {
    @EJB
    private ApiKeys apiKeys;
    @Inject
    private ListenKeys keys;
    @Inject
    private HttpServletRequest http;

    @POST
    public Map<String, Object> open(@HeaderParam("X-MBX-APIKEY") String apiKey) {
        return Map.of("listenKey", keys.create(owner(apiKey), null));
    }

    @PUT
    public Map<String, Object> keepAlive(@HeaderParam("X-MBX-APIKEY") String apiKey, @QueryParam("listenKey") String key) {
        if (!keys.keepAlive(required(key), owner(apiKey))) {
            throw new BinanceError(-1125, 400, "This listenKey does not exist.");
        }
        return Map.of();
    }

    @DELETE
    public Map<String, Object> close(@HeaderParam("X-MBX-APIKEY") String apiKey, @QueryParam("listenKey") String key) {
        if (!keys.delete(required(key), owner(apiKey))) {
            throw new BinanceError(-1125, 400, "This listenKey does not exist.");
        }
        return Map.of();
    }

    private long owner(String apiKey) {
        if (apiKey == null || !apiKey.matches("[A-Za-z0-9]{64}")) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "API-key format invalid.");
        }
        return apiKeys.identify(apiKey, exchange.api.web.ClientAddress.of(http)).userId();
    }

    private static String required(String key) {
        if (key == null || key.isBlank()) {
            throw new BinanceError(-1102, 400, "Mandatory parameter 'listenKey' was not sent, was empty/null, or malformed.");
        }
        return key;
    }
}
