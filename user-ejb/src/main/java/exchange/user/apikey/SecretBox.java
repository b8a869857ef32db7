package exchange.user.apikey;

import exchange.api.Secrets;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts API secrets and TOTP secrets with AES-256-GCM under the master key ({@code exchange.api-keys.master-key},
 * base64 of 32 bytes, or {@code .master-key-file} holding it): the database alone never reveals a
 * secret, and a changed ciphertext fails to open instead of opening to something else.
 */
@ApplicationScoped
public class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "exchange.api-keys.master-key")
    Optional<String> masterKey;
    @Inject
    @ConfigProperty(name = "exchange.api-keys.master-key-file")
    Optional<String> masterKeyFile;
    private volatile SecretKeySpec key;

    public record Sealed(byte[] iv, byte[] ciphertext) {
    }

    /** A box with this key and no configuration behind it (tests, tools). */
    public static SecretBox of(byte[] rawKey) {
        SecretBox box = new SecretBox();
        box.key = new SecretKeySpec(rawKey.clone(), "AES");
        return box;
    }

    public Sealed seal(byte[] plain) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        return new Sealed(iv, run(Cipher.ENCRYPT_MODE, iv, plain));
    }

    public byte[] open(Sealed sealed) {
        return run(Cipher.DECRYPT_MODE, sealed.iv(), sealed.ciphertext());
    }

    private byte[] run(int mode, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(128, iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed");
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            String encoded;
            try {
                encoded = Secrets.valueOrFile(masterKey, masterKeyFile).orElse(null);
            } catch (UncheckedIOException e) {
                encoded = null; // an unreadable key file: as if none were configured
            }
            if (encoded == null) {
                throw new BusinessException(ErrorCode.API_KEYS_UNAVAILABLE, "No API key master key is configured.");
            }
            byte[] raw = Base64.getDecoder().decode(encoded);
            if (raw.length != 32) {
                throw new IllegalStateException("exchange.api-keys.master-key must be 32 bytes (base64)");
            }
            k = new SecretKeySpec(raw, "AES");
            key = k;
        }
        return k;
    }
}
