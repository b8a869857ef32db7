package exchange.user.account;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;

/** One spelling per mailbox: trimmed and lower-cased, so "A@x.io" cannot register beside "a@x.io". */
public final class Emails {
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    private Emails() {
    }

    public static String normalize(String email) {
        if (email == null) {
            throw new BusinessException(ErrorCode.INVALID_EMAIL);
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !SHAPE.matcher(e).matches()) {
            throw new BusinessException(ErrorCode.INVALID_EMAIL);
        }
        return e;
    }
}
