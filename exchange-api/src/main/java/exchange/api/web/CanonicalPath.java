package exchange.api.web;

import java.util.Locale;

/**
 * The one rule both web faces apply before anything decides on a path: a request path must
 * already be in canonical form once its percent-escapes are decoded, or it is refused.
 *
 * <p>Why refuse rather than normalize: an access decision and the container's dispatch must see the
 * same path. The console was opened by {@code /jakarta.faces.resource/%2e%2e/withdrawals.xhtml}:
 * the guard saw a resource, the container normalized it to a page. A canonical path has no dot
 * segments, no empty segments, no path parameters ({@code ;jsessionid}, {@code ..;}), no
 * backslashes, no control characters, and decodes exactly once (a {@code %25} would let a later
 * decoder see a different path).
 */
public final class CanonicalPath {
    private CanonicalPath() {
    }

    /** True when the raw request path (no query string) is canonical. */
    public static boolean isCanonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/' || rawPath.length() > 2048) {
            return false;
        }
        String decoded = decodeOnce(rawPath);
        if (decoded == null) {
            return false;
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ';' || c == '%') {
                return false;
            }
        }
        if (decoded.contains("//")) {
            return false;
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        // An escaped slash or dot would be a second meaning of the same path.
        String lower = rawPath.toLowerCase(Locale.ROOT);
        return !lower.contains("%2f") && !lower.contains("%2e");
    }

    /** Percent-decoding of ASCII escapes; null when an escape is malformed or not ASCII. */
    private static String decodeOnce(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0 || hi > 7) {
                return null;
            }
            out.append((char) (hi * 16 + lo));
            i += 2;
        }
        return out.toString();
    }
}
