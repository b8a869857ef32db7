package exchange.web.error;

import exchange.api.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape of the API: {"code": "...", "message": "..."}. */
public record ErrorBody(String code, String message) {
    public static Response response(ErrorCode code, String message) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code.name(), message)).build();
    }

    public static Response response(ErrorCode code) {
        return response(code, code.message());
    }
}
