package exchange.api.web;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token as the caller of a request: the MicroProfile {@link JsonWebToken} view of its
 * claims (name from {@code upn}, then {@code preferred_username}, then {@code sub}; {@code groups}
 * as a set; times as seconds), immutable and shared by the requests that present the token.
 */
final class TokenCaller implements JsonWebToken {
    private final String raw;
    private final JWTClaimsSet claims;
    private final Set<String> groups;
    private final String name;
    private final long expiresAtMillis;

    TokenCaller(String raw, JWTClaimsSet claims) {
        this.raw = raw;
        this.claims = claims;
        Object g = claims.getClaim(Claims.groups.name());
        Set<String> set = new LinkedHashSet<>();
        if (g instanceof Collection<?> c) {
            c.forEach(x -> set.add(String.valueOf(x)));
        } else if (g instanceof String s) {
            set.add(s);
        }
        this.groups = Set.copyOf(set);
        String upn = (String) claims.getClaim(Claims.upn.name());
        String preferred = (String) claims.getClaim(Claims.preferred_username.name());
        this.name = upn != null ? upn : preferred != null ? preferred : claims.getSubject();
        this.expiresAtMillis = claims.getExpirationTime().getTime();
    }

    long expiresAtMillis() {
        return expiresAtMillis;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.getClaims().keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claim) {
        if (Claims.raw_token.name().equals(claim)) {
            return (T) raw;
        }
        if (Claims.groups.name().equals(claim)) {
            return (T) groups;
        }
        Object value = claims.getClaim(claim);
        if (value instanceof java.util.Date d) {
            return (T) Long.valueOf(d.getTime() / 1000); // MP-JWT: NumericDate claims as seconds
        }
        if (value instanceof List<?> list && Claims.aud.name().equals(claim)) {
            return (T) Set.copyOf(list.stream().map(String::valueOf).toList());
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return "TokenCaller[" + name + ", groups " + groups + "]";
    }
}
