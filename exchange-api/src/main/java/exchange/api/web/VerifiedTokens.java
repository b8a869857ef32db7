package exchange.api.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * MP-JWT bearer tokens checked as the MicroProfile JWT specification checks them (an RS256
 * signature by the configured public key, the configured issuer, not expired), by Nimbus JOSE+JWT,
 * and remembered once verified until they expire, so a client's next requests cost a map lookup.
 * What is remembered is only ever a verified token (the whole compact string is the key), so a
 * changed byte is a new token that is verified again. Ending a session does not depend on this:
 * the session check runs on every request regardless.
 */
@ApplicationScoped
public class VerifiedTokens {
    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class.getName());
    /**
     * Each entry keeps its token and claims (a few KB): 20 000 bound the cache to tens of MB.
     * Past it, expired entries go, then all (each costs one verification to come back). Only
     * verified tokens enter, and tokens come from rate-limited sign-ins, so nobody fills it at will.
     */
    static final int MAX_REMEMBERED = 20_000;

    private final Map<String, TokenCaller> verified = new ConcurrentHashMap<>();
    private JWSVerifier verifier;
    private String issuer;

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        issuer = config.getValue("mp.jwt.verify.issuer", String.class);
        String pem = config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                .orElseGet(() -> read(config.getValue("mp.jwt.verify.publickey.location", String.class)));
        verifier = new RSASSAVerifier(publicKey(pem));
    }

    VerifiedTokens() {
    }

    /** For tests: a verifier for this key and issuer. */
    VerifiedTokens(RSAPublicKey key, String issuer) {
        this.verifier = new RSASSAVerifier(key);
        this.issuer = issuer;
    }

    /** The token's caller, or null when it is malformed, not signed by our key, of another issuer or expired. */
    public JsonWebToken verify(String token) {
        long now = System.currentTimeMillis();
        TokenCaller known = verified.get(token);
        if (known != null) {
            if (known.expiresAtMillis() > now) {
                return known;
            }
            verified.remove(token);
            return null;
        }
        TokenCaller caller = check(token, now);
        if (caller != null) {
            remember(token, caller, now);
        }
        return caller;
    }

    private TokenCaller check(String token, long now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!issuer.equals(claims.getIssuer()) || expires == null || expires.getTime() <= now
                    || claims.getSubject() == null) {
                return null;
            }
            return new TokenCaller(token, claims);
        } catch (ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            LOG.fine("bearer token refused: " + e);
            return null;
        }
    }

    private void remember(String token, TokenCaller caller, long now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(c -> c.expiresAtMillis() <= now);
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear(); // every entry is re-derivable: forgetting costs one verification each
            }
        }
        verified.put(token, caller);
    }

    int remembered() {
        return verified.size();
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:") || location.startsWith("http")) {
                if (location.startsWith("file:")) {
                    return Files.readString(Path.of(location.substring("file:".length())));
                }
                try (InputStream in = new URL(location).openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = Path.of(location);
            if (Files.exists(path)) {
                return Files.readString(path);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(location.startsWith("/") ? location.substring(1) : location)) {
                if (in == null) {
                    throw new IllegalStateException("mp.jwt.verify.publickey.location not found: " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey.location not readable: " + location, e);
        }
    }

    static RSAPublicKey publicKey(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the JWT public key is not an RSA public key in PEM", e);
        }
    }
}
