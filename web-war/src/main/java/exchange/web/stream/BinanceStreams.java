package exchange.web.stream;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance's market stream names: a lower-case symbol, {@code @}, and one of trade, aggTrade,
 * ticker, miniTicker, bookTicker, {@code kline_<interval>}, {@code depth} (diffs) or
 * {@code depth5|10|20} (top of book), the depth ones with an optional {@code @100ms}/{@code @1000ms}.
 * Updates go out as soon as the engine makes them, which is within either speed.
 */
final class BinanceStreams {
    static final List<String> SPEEDS = List.of("", "@100ms", "@1000ms");
    static final int[] PARTIAL_LEVELS = {5, 10, 20};
    private static final Pattern NAME = Pattern.compile(
            "([a-z0-9]{2,32})@(trade|aggTrade|ticker|miniTicker|bookTicker|kline_(1m|5m|15m|1h|4h|1d)|depth(5|10|20)?(@100ms|@1000ms)?)");

    private BinanceStreams() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The symbol as the exchange names it (upper case). */
    static String symbolOf(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    static String prefix(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@";
    }
}
