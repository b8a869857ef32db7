package exchange.web.stream;

import exchange.api.trade.KlineInterval;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The public stream names: {@code <symbol>@depth|trade|ticker|kline_<interval>}, symbol in any case. */
final class MarketStreams {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9]{2,32})@(depth|trade|ticker|kline_(1m|5m|15m|1h|4h|1d))");

    private MarketStreams() {
    }

    /** The canonical name (symbol upper case), or null if the name is not a stream. */
    static String canonical(String name) {
        Matcher m = name == null ? null : NAME.matcher(name);
        return m != null && m.matches() ? m.group(1).toUpperCase(Locale.ROOT) + "@" + m.group(2) : null;
    }

    static String symbolOf(String stream) {
        return stream.substring(0, stream.indexOf('@'));
    }

    static KlineInterval intervalOf(String stream) {
        return KlineInterval.of(stream.substring(stream.indexOf("@kline_") + 7));
    }
}
