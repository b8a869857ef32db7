package exchange.user.apikey;

import exchange.api.user.ApiKeys;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One API key: the public key, its secret encrypted, its permissions and IP whitelist. */
@Entity
@Table(schema = "exchange_user", name = "api_keys")
@NamedQuery(name = ApiKey.OF_USER, query = "SELECT k FROM ApiKey k WHERE k.userId = :userId ORDER BY k.id")
@NamedQuery(name = ApiKey.BY_KEY, query = "SELECT k FROM ApiKey k WHERE k.apiKey = :apiKey")
public class ApiKey {
    static final String OF_USER = "ApiKey.ofUser";
    static final String BY_KEY = "ApiKey.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(name = "api_key", nullable = false)
    private String apiKey;
    @Column(name = "secret_enc", nullable = false)
    private byte[] secretEncrypted;
    @Column(name = "secret_iv", nullable = false)
    private byte[] secretIv;
    private String label;
    @Column(nullable = false)
    private String permissions;
    @Column(name = "ip_whitelist")
    private String ipWhitelist;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiKey() {
    }

    ApiKey(long userId, String apiKey, SecretBox.Sealed secret, String label, Set<ApiKeys.Permission> permissions,
           List<String> ipWhitelist) {
        this.userId = userId;
        this.apiKey = apiKey;
        this.secretEncrypted = secret.ciphertext();
        this.secretIv = secret.iv();
        this.label = label;
        this.permissions = permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.ipWhitelist = ipWhitelist.isEmpty() ? null : String.join(",", ipWhitelist);
        this.createdAt = Instant.now();
    }

    long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String apiKey() {
        return apiKey;
    }

    SecretBox.Sealed secret() {
        return new SecretBox.Sealed(secretIv, secretEncrypted);
    }

    Set<ApiKeys.Permission> permissions() {
        Set<ApiKeys.Permission> set = EnumSet.noneOf(ApiKeys.Permission.class);
        Arrays.stream(permissions.split(",")).filter(p -> !p.isBlank()).map(ApiKeys.Permission::valueOf).forEach(set::add);
        return set;
    }

    List<String> ipWhitelist() {
        return ipWhitelist == null ? List.of() : List.of(ipWhitelist.split(","));
    }

    ApiKeys.KeyView view() {
        return new ApiKeys.KeyView(id, apiKey, label, permissions(), ipWhitelist(), createdAt);
    }
}
