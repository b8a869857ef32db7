package exchange.web.error;

import exchange.api.error.ErrorCode;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: unreadable JSON, unknown paths and methods, and the unexpected (logged, and
 * answered without internals).
 */
@Provider
public class WebExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(WebExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (isJsonError(e)) {
            return ErrorBody.response(ErrorCode.MALFORMED_JSON);
        }
        if (e instanceof WebApplicationException w) {
            return ErrorBody.response(forStatus(w.getResponse().getStatus()));
        }
        LOG.log(Level.SEVERE, "Unhandled error", e);
        return ErrorBody.response(ErrorCode.INTERNAL);
    }

    private static boolean isJsonError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }

    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 400 -> ErrorCode.VALIDATION_FAILED;
            default -> status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL;
        };
    }
}
