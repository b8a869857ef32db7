package exchange.api.user;

import java.io.Serializable;
import java.time.Instant;

/** A signed RS256 JWT and who it is for. */
public record AccessToken(String token, Instant expiresAt, long subjectId, String email) implements Serializable {
}
