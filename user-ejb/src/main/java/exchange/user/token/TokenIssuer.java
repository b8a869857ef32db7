package exchange.user.token;

import exchange.api.user.AccessToken;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs RS256 tokens that MicroProfile JWT verifies on every protected resource. The private key
 * is read from the configured PEM file; it is never in the database, the code or a log line.
 */
@Singleton
@Lock(LockType.READ)
public class TokenIssuer {
    /** Looked up once: Json.createX() searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    public static final String TRADER = "trader";
    public static final String ADMIN = "admin";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "exchange.jwt.private-key.location")
    private String keyLocation;
    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "https://exchange.local")
    private String issuer;
    @Inject
    @ConfigProperty(name = "exchange.jwt.ttl-seconds", defaultValue = "3600")
    private long ttlSeconds;

    private PrivateKey key;

    @PostConstruct
    void loadKey() {
        try {
            String pem = Files.readString(Path.of(keyLocation.replaceFirst("^file:", "")));
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("JWT signing key not readable at exchange.jwt.private-key.location", e);
        }
    }

    public AccessToken issue(long subjectId, String upn, Set<String> groups) {
        return issue(subjectId, upn, groups, null);
    }

    /** sessionId: the {@code sid} claim, which the API checks is still open on every request. */
    public AccessToken issue(long subjectId, String upn, Set<String> groups, String sessionId) {
        String subject = Long.toString(subjectId);
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(ttlSeconds);
        JsonArrayBuilder groupArray = JSON.createArrayBuilder();
        groups.forEach(groupArray::add);
        String header = JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        var claimsBuilder = JSON.createObjectBuilder();
        if (sessionId != null) {
            claimsBuilder.add("sid", sessionId);
        }
        String claims = claimsBuilder
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", upn)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build().toString();
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new AccessToken(signingInput + "." + B64.encodeToString(rsa.sign()), expires, subjectId, upn, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JWT signing failed", e);
        }
    }
}
