package exchange.web.binance;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.ApiKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** What the signature check established for this request: whose key, and the request's parameters. */
@RequestScoped
public class SignedCall implements BinanceParams {
    @Inject
    private HttpServletRequest http;
    private ApiKeys.Verified key;
    private Map<String, String> params;

    @PostConstruct
    @SuppressWarnings("unchecked")
    void read() {
        key = (ApiKeys.Verified) http.getAttribute(SignedRequestFilter.KEY);
        params = http.getAttribute(SignedRequestFilter.PARAMS) instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    public long userId() {
        if (key == null) {
            throw new BusinessException(ErrorCode.API_KEY_REJECTED, "API-key required.");
        }
        return key.userId();
    }

    /** The signed request's account, or null when this request was not signed. */
    public Long signedUserId() {
        return key == null ? null : key.userId();
    }

    public ApiKeys.Verified key() {
        userId();
        return key;
    }

    /** A parameter from the query string or the form body; null when absent. */
    @Override
    public String param(String name) {
        String v = params.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
