package exchange.web.binance;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class BinanceErrorMapper implements ExceptionMapper<BinanceError> {
    @Override
    public Response toResponse(BinanceError e) {
        return BinanceErrors.response(e.code(), e.status(), e.getMessage());
    }
}
