package exchange.user.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aCodePassesOnceAndOnlyNearItsTime() {
        UserTotp totp = new UserTotp(1, RFC_SECRET);
        long now = 1000;
        assertFalse(totp.accept(Totp.code(RFC_SECRET, now - 2), now), "two steps old");
        assertTrue(totp.accept(Totp.code(RFC_SECRET, now), now));
        assertFalse(totp.accept(Totp.code(RFC_SECRET, now), now), "the same code again");
        assertFalse(totp.accept(Totp.code(RFC_SECRET, now - 1), now), "an older step after a newer one");
        assertTrue(totp.accept(Totp.code(RFC_SECRET, now + 1), now), "the next step, for a clock a little ahead");
        assertFalse(totp.accept("12345", now));
    }
}
