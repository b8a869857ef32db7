package exchange.web.binance;

import java.math.BigDecimal;

/**
 * A signed Binance call's parameters, wherever they came from: a REST query string or form body
 * ({@link SignedCall}), or a WebSocket API request's {@code params}. The same rules read both.
 */
public interface BinanceParams {
    /** The parameter's value; null when absent or empty. */
    String param(String name);

    default String required(String name) {
        String v = param(name);
        if (v == null) {
            throw new BinanceError(-1102, 400, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
        }
        return v;
    }

    default BigDecimal decimal(String name) {
        String v = param(name);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new BinanceError(-1100, 400, "Illegal characters found in parameter '" + name + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        }
    }
}
