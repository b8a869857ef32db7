package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.Api;
import exchange.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** MicroProfile JWT guards the protected resources: only good, current tokens of the right role pass. */
class TokenIT {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void noOrBrokenTokenIs401WithTheErrorBody() {
        assertError(401, "UNAUTHENTICATED", Api.get("/api/user/me"));
        assertError(401, "UNAUTHENTICATED", Api.get("/api/user/me", "not-a-jwt"));
        Users.Trader trader = Users.register("token");
        String[] parts = trader.token().split("\\.");
        String otherClaims = B64.encodeToString(("{\"iss\":\"https://exchange.local\",\"sub\":\"1\",\"upn\":\"x@y.io\","
                + "\"groups\":[\"admin\"],\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + ",\"jti\":\"x1\"}").getBytes(StandardCharsets.UTF_8));
        assertError(401, "UNAUTHENTICATED", Api.get("/api/user/me", parts[0] + "." + otherClaims + "." + parts[2]));
        assertEquals(200, Api.get("/api/user/me", trader.token()).status());
    }

    @Test
    void expiredWrongIssuerOrForeignKeyTokensAreRejected() throws Exception {
        Users.Trader trader = Users.register("expiry");
        PrivateKey devKey = devKey();
        long now = Instant.now().getEpochSecond();
        assertEquals(200, Api.get("/api/user/me", sign(devKey, "https://exchange.local", trader.id(), now + 300)).status(),
                "a token made the same way but valid passes, so the rejections below are about expiry, issuer and key");
        assertError(401, "UNAUTHENTICATED", Api.get("/api/user/me", sign(devKey, "https://exchange.local", trader.id(), now - 120)));
        assertError(401, "UNAUTHENTICATED", Api.get("/api/user/me", sign(devKey, "https://evil.example", trader.id(), now + 300)));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertError(401, "UNAUTHENTICATED", Api.get("/api/user/me",
                sign(generator.generateKeyPair().getPrivate(), "https://exchange.local", trader.id(), now + 300)));
    }

    @Test
    void rolesSeparateTradersFromOperators() {
        Users.Trader trader = Users.register("roles");
        assertError(403, "FORBIDDEN", Api.get("/api/admin/users", trader.token()));
        assertError(403, "FORBIDDEN", Api.post("/api/admin/ops/probe", "{\"rollBack\":false}", trader.token()));
        String admin = Users.adminToken();
        assertError(403, "FORBIDDEN", Api.get("/api/user/me", admin));
        assertEquals(200, Api.get("/api/admin/users?email=" + trader.email(), admin).status());
        assertError(401, "BAD_CREDENTIALS", Api.post("/api/admin/login",
                Api.obj("email", "admin@exchange.local", "password", "wrong-Passw0rd")));
        assertError(401, "BAD_CREDENTIALS", Api.post("/api/admin/login",
                Api.obj("email", trader.email(), "password", Users.PASSWORD)));
    }

    private static PrivateKey devKey() throws Exception {
        String pem = Files.readString(Users.work().resolve("keys").resolve("jwt-private.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String sign(PrivateKey key, String issuer, long subject, long expiresAt) throws Exception {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"t@example.com\","
                + "\"groups\":[\"trader\"],\"iat\":" + (expiresAt - 600) + ",\"exp\":" + expiresAt
                + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64.encodeToString(rsa.sign());
    }
}
