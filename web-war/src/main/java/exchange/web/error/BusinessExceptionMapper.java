package exchange.web.error;

import exchange.web.binance.BinanceErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import exchange.api.error.BusinessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(BusinessException e) {
        return BinanceErrors.applies(uri) ? BinanceErrors.response(e.code(), e.getMessage()) : ErrorBody.response(e.code(), e.getMessage());
    }
}
