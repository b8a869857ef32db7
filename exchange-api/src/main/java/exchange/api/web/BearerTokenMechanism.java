package exchange.api.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The API's sign-in check: an {@code Authorization: Bearer} MP-JWT token, verified by
 * {@link VerifiedTokens}, makes its {@link JsonWebToken} the request's caller with its groups as
 * roles; a request without one stays anonymous (endpoints that need a role answer 401); a token
 * that does not verify is answered 401 at once.
 *
 * <p>In the EAR's lib/ on purpose: Payara resolves one mechanism for the whole application, so
 * the console's module must see this one too (it sends no bearer token and stays anonymous here;
 * the console signs operators in with its own session).
 *
 * <p>Why not Payara's MP-JWT mechanism ({@code @LoginConfig(authMethod = "MP-JWT")}): it builds
 * the public key from its PEM text, parses the token and checks its RSA signature on every
 * request, about a third of a signed-in request's CPU here. Tokens and their rules are the same
 * (RS256, {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey[.location]}, the expiry,
 * {@code groups} as roles); a token is verified once and remembered until it expires.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    @Inject
    private VerifiedTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return context.doNothing();
        }
        JsonWebToken jwt = tokens.verify(header.substring(BEARER.length()).trim());
        if (jwt == null) {
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(jwt, jwt.getGroups());
    }
}
