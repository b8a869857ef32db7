package exchange.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which bearer tokens the API accepts, and what the caller then looks like. */
class VerifiedTokensTest {
    static final String ISSUER = "https://exchange.local";
    static KeyPair ours;
    static KeyPair foreign;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        ours = g.generateKeyPair();
        foreign = g.generateKeyPair();
    }

    static String token(KeyPair key, String issuer, long expiresInSeconds, String subject) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("upn", "t@example.com")
                .claim("groups", List.of("trader")).claim("sid", "s-1").issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    VerifiedTokens tokens() {
        return new VerifiedTokens((RSAPublicKey) ours.getPublic(), ISSUER);
    }

    @ParameterizedTest(name = "{0}: accepted {1}")
    @CsvSource(delimiter = '|', textBlock = """
            valid                 | true
            expired               | false
            other issuer          | false
            foreign key           | false
            no subject            | false
            changed payload       | false
            HS256 with public key | false
            not a token           | false
            """)
    void whichTokensPass(String kind, boolean accepted) throws Exception {
        String t = switch (kind) {
            case "valid" -> token(ours, ISSUER, 300, "7");
            case "expired" -> token(ours, ISSUER, -60, "7");
            case "other issuer" -> token(ours, "https://evil.example", 300, "7");
            case "foreign key" -> token(foreign, ISSUER, 300, "7");
            case "no subject" -> token(ours, ISSUER, 300, null);
            case "changed payload" -> {
                String[] parts = token(ours, ISSUER, 300, "7").split("\\.");
                String otherPayload = token(ours, ISSUER, 300, "8").split("\\.")[1];
                yield parts[0] + "." + otherPayload + "." + parts[2]; // user 8's claims under user 7's signature
            }
            case "HS256 with public key" -> {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer(ISSUER)
                        .subject("7").expirationTime(new Date(System.currentTimeMillis() + 300_000)).build());
                jwt.sign(new MACSigner(java.util.Arrays.copyOf(ours.getPublic().getEncoded(), 64)));
                yield jwt.serialize();
            }
            default -> "not-a-token";
        };
        assertEquals(accepted, tokens().verify(t) != null);
    }

    @Test
    void theCallerReadsAsTheMicroProfileToken() throws Exception {
        JsonWebToken jwt = tokens().verify(token(ours, ISSUER, 300, "7"));
        assertEquals("7", jwt.getSubject());
        assertEquals("t@example.com", jwt.getName());
        assertEquals(Set.of("trader"), jwt.getGroups());
        assertEquals("s-1", jwt.getClaim("sid"));
        assertEquals(ISSUER, jwt.getIssuer());
        assertNotNull(jwt.getRawToken());
        assertEquals(jwt.getExpirationTime(), (long) jwt.<Long>getClaim("exp"));
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedUntilItExpires() throws Exception {
        VerifiedTokens tokens = tokens();
        String t = token(ours, ISSUER, 300, "7");
        JsonWebToken first = tokens.verify(t);
        assertSame(first, tokens.verify(t), "the second request reuses the first verification");
        assertEquals(1, tokens.remembered());
        assertNull(tokens.verify(t + "x"), "one more character is another token, verified again");
        assertEquals(1, tokens.remembered(), "a refused token is not remembered");
    }
}
