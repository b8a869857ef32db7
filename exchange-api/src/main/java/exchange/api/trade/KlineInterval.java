package exchange.api.trade;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;

/** The candle periods the exchange keeps, with Binance's codes. */
public enum KlineInterval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String code;
    private final Duration length;

    KlineInterval(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    /** The start of the period holding {@code time}, periods aligned to the epoch (UTC). */
    public Instant openOf(Instant time) {
        long seconds = length.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), seconds) * seconds);
    }

    public static KlineInterval of(String code) {
        for (KlineInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        throw new BusinessException(ErrorCode.INVALID_INTERVAL, "interval must be one of 1m 5m 15m 1h 4h 1d");
    }
}
