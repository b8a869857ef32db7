package exchange.web.binance;

import exchange.api.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors on {@code /api/v3} in Binance's shape, {@code {"code":-1121,"msg":"Invalid symbol."}},
 * with Binance's codes and statuses, so Binance clients understand them; our own API keeps ours.
 */
public final class BinanceErrors {
    private BinanceErrors() {
    }

    /** The Binance faces: {@code /api/v3} and {@code /sapi} (served from {@code /api/sapi}). */
    public static boolean applies(UriInfo uri) {
        if (uri == null) {
            return false;
        }
        String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        return path.startsWith("v3/") || path.startsWith("sapi/");
    }

    public static Response response(int code, int status, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", msg);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    public static Response response(ErrorCode error, String message) {
        return switch (error) {
            case UNKNOWN_SYMBOL -> response(-1121, 400, "Invalid symbol.");
            case API_KEY_REJECTED -> response(-2015, 401, "Invalid API-key, IP, or permissions for action.");
            case SIGNATURE_INVALID -> response(-1022, 400, "Signature for this request is not valid.");
            case TIMESTAMP_OUTSIDE_RECV_WINDOW -> response(-1021, 400, message);
            case UNAUTHENTICATED -> response(-2014, 401, "API-key format invalid.");
            case INSUFFICIENT_BALANCE -> response(-2010, 400, "Account has insufficient balance for requested action.");
            case NOT_FOUND -> response(-2013, 400, "Order does not exist.");
            case ORDER_NOT_OPEN -> response(-2011, 400, "Unknown order sent.");
            case INVALID_PRICE -> response(-1013, 400, "Filter failure: PRICE_FILTER");
            case INVALID_QUANTITY -> response(-1013, 400, "Filter failure: LOT_SIZE");
            case NOTIONAL_TOO_SMALL -> response(-1013, 400, "Filter failure: NOTIONAL");
            case SYMBOL_HALTED -> response(-1013, 400, "Market is closed.");
            case INVALID_ORDER -> response(-1106, 400, message);
            case INVALID_INTERVAL -> response(-1120, 400, "Invalid interval.");
            case VALIDATION_FAILED, INVALID_AMOUNT -> response(-1102, 400, message);
            case TRADING_LIMIT_EXCEEDED -> response(-2010, 400, message);
            case NO_LIQUIDITY -> response(-2010, 400, "Order would immediately match and take no liquidity: " + message);
            case TOO_MANY_REQUESTS -> response(-1003, 429, "Too many requests; " + message);
            case TOO_MANY_ORDERS -> response(-1015, 429, "Too many new orders; " + message);
            case IP_BANNED -> response(-1003, 418, "Way too many requests; " + message);
            case INTERNAL -> response(-1000, 500, "An unknown error occurred while processing the request.");
            default -> response(-1000, error.httpStatus(), message);
        };
    }
}
