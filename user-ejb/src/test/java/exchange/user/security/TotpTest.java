package exchange.user.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.user.apikey.SecretBox;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B (SHA-1 rows, last 6 of the 8 digits), and each code passing once. */
class TotpTest {
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void rfc6238Vectors() {
        assertEquals("287082", Totp.code(RFC_SECRET, Totp.stepAt(59)));
        assertEquals("081804", Totp.code(RFC_SECRET, Totp.stepAt(1111111109)));
        assertEquals("050471", Totp.code(RFC_SECRET, Totp.stepAt(1111111111)));
        assertEquals("005924", Totp.code(RFC_SECRET, Totp.stepAt(1234567890)));
        assertEquals("279037", Totp.code(RFC_SECRET, Totp.stepAt(2000000000)));
    }

    @Test
    void base32RoundTrips() {
        byte[] key = "any twenty byte key!".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(key, Totp.unbase32(Totp.base32(key)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", RFC_SECRET);
    }

    private static final SecretBox BOX = SecretBox.of(new byte[32]);

    @Test
    void aCodePassesOnceAndOnlyNearItsTime() {
        UserTotp totp = new UserTotp(1, BOX.seal(RFC_SECRET.getBytes(StandardCharsets.US_ASCII)));
        long now = 1000;
        assertFalse(totp.accept(Totp.code(RFC_SECRET, now - 2), now, BOX), "two steps old");
        assertTrue(totp.accept(Totp.code(RFC_SECRET, now), now, BOX));
        assertFalse(totp.accept(Totp.code(RFC_SECRET, now), now, BOX), "the same code again");
        assertFalse(totp.accept(Totp.code(RFC_SECRET, now - 1), now, BOX), "an older step after a newer one");
        assertTrue(totp.accept(Totp.code(RFC_SECRET, now + 1), now, BOX), "the next step, for a clock a little ahead");
        assertFalse(totp.accept("12345", now, BOX));
    }

    @Test
    void theSecretIsStoredSealedAndAPlaintextRowIsSealedOnce() {
        UserTotp sealed = new UserTotp(2, BOX.seal(RFC_SECRET.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(null, sealed.legacySecret(), "no plaintext kept");
        SecretBox.Sealed a = BOX.seal(RFC_SECRET.getBytes(StandardCharsets.US_ASCII));
        assertFalse(new String(a.ciphertext(), StandardCharsets.ISO_8859_1).contains(RFC_SECRET));
        a.ciphertext()[0] ^= 1;
        assertThrows(IllegalStateException.class, () -> BOX.open(a), "a changed ciphertext does not open");
    }
}
