package exchange.devinfra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Development secrets, made once into the work dir (never committed, never logged): the RS256
 * key pair for tokens and the first operator's password.
 */
final class DevKeys {
    private DevKeys() {
    }

    static void ensure(Path work) throws Exception {
        Path keys = Files.createDirectories(work.resolve("keys"));
        Path privateKey = keys.resolve("jwt-private.pem");
        if (!Files.exists(privateKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeSecret(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(keys.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        Path adminPassword = keys.resolve("admin-password");
        if (!Files.exists(adminPassword)) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            // Letters and digits only, and always at least one of each, to pass the password policy.
            writeSecret(adminPassword, "Adm1n" + Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                    .replace('-', 'x').replace('_', 'y'));
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeSecret(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
