package exchange.api.user;

import java.io.Serializable;
import java.time.Instant;

/**
 * A signed RS256 JWT and who it is for; after a trader's login also the session's refresh token
 * (null for operators' and sign-up tokens, which open no session).
 */
public record AccessToken(String token, Instant expiresAt, long subjectId, String email, String refreshToken)
        implements Serializable {
    public AccessToken withRefreshToken(String refresh) {
        return new AccessToken(token, expiresAt, subjectId, email, refresh);
    }
}
