package exchange.api.user;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * API keys for programs: created with permissions, an optional IP whitelist and a label; the
 * secret is shown once and kept only encrypted. {@link #verify} checks a request signed with
 * HMAC-SHA256 as Binance does it, inside the user service, so the secret never leaves it.
 */
@Local
public interface ApiKeys {
    int MAX_KEYS_PER_USER = 30;

    Created create(long userId, String label, Set<Permission> permissions, List<String> ipWhitelist);

    List<KeyView> list(long userId);

    /** 404 NOT_FOUND unless the key is the user's own. */
    void delete(long userId, long keyId);

    /**
     * The key is live, the client's IP is on its whitelist (when it has one), it carries the
     * permission, and {@code signature} is the lower- or upper-case hex HMAC-SHA256 of
     * {@code payload} under its secret. 401 API_KEY_REJECTED or 400 SIGNATURE_INVALID otherwise.
     */
    Verified verify(String apiKey, String payload, String signature, String clientIp, Permission needed);

    /**
     * A key alone, unsigned, as Binance's user-stream endpoints take it: live, and called from an
     * address on its whitelist (when it has one). 401 API_KEY_REJECTED otherwise.
     */
    Verified identify(String apiKey, String clientIp);

    enum Permission { READ, TRADE, WITHDRAW }

    record Created(long id, String apiKey, String secret, String label, Set<Permission> permissions, List<String> ipWhitelist,
                   Instant createdAt) {
    }

    record KeyView(long id, String apiKey, String label, Set<Permission> permissions, List<String> ipWhitelist, Instant createdAt) {
    }

    record Verified(long userId, long keyId, Set<Permission> permissions) {
    }
}
