package exchange.web.error;

import exchange.web.binance.BinanceErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import exchange.api.error.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** Names the fields that failed, e.g. "email: must not be blank". */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ValidationExceptionMapper::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return BinanceErrors.applies(uri) ? BinanceErrors.response(ErrorCode.VALIDATION_FAILED, detail)
                : ErrorBody.response(ErrorCode.VALIDATION_FAILED, detail);
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "register.arg0.email" -> "email"; a missing body is reported on the argument itself
        String field = path.contains(".arg0.") ? path.substring(path.indexOf(".arg0.") + 6)
                : path.endsWith(".arg0") ? "body" : path;
        return field + ": " + v.getMessage();
    }
}
