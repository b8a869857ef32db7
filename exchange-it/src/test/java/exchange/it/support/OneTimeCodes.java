package exchange.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits), written again here so the tests do not trust the
 * server's code; and, per secret, the next code this test run has not used yet (the server takes
 * each step once, and accepts one step either side of now).
 */
public final class OneTimeCodes {
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private OneTimeCodes() {
    }

    public static long step() {
        return System.currentTimeMillis() / 1000 / 30;
    }

    /** A code of a step newer than any used with this secret in this run, waiting for one when needed. */
    public static synchronized String next(String base32) {
        while (true) {
            long now = step();
            long step = Math.max(now, LAST_STEP.getOrDefault(base32, Long.MIN_VALUE) + 1);
            if (step <= now + 1) {
                LAST_STEP.put(base32, step);
                return code(base32, step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String code(String base32, long step) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.trim().toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int v = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", v % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
