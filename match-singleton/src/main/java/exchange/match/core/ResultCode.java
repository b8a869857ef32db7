package exchange.match.core;

/**
 * The answer to every command the core applies, numbered by subsystem as exchange-core numbers its
 * CommandResultCode: 0 accepted; 1xx the command itself (what it names does not exist or does not
 * fit); 2xx funds (the risk check before matching); 3xx the book; 4xx wallet commands; 9xx the
 * engine. A rejected command changes nothing, and its code is journaled with it so a replay
 * rejects it again.
 */
public enum ResultCode {
    ACCEPTED(0),

    UNKNOWN_MARKET(101),
    UNKNOWN_ASSET(102),
    ALREADY_DEFINED(103),
    OUT_OF_RANGE(104),
    INVALID_COMMAND(105),
    MARKET_HALTED(106),

    INSUFFICIENT_FUNDS(201),
    SUPPLY_LIMIT(202),
    MOVE_ABOVE_RESERVE(203),
    /** Past the largest order or the day's amount that the user's KYC level allows in this quote asset. */
    TRADING_LIMIT(204),

    DUPLICATE_ORDER_ID(301),
    UNKNOWN_ORDER(302),
    NO_LIQUIDITY(303),
    /** The user's clientOrderId names an order already placed (open, or among the recent ones kept). */
    DUPLICATE_CLIENT_ORDER_ID(304),

    DUPLICATE_WITHDRAWAL(401),
    UNKNOWN_WITHDRAWAL(402),
    /** The deposit was credited before: the wallet asked again. */
    DUPLICATE_DEPOSIT(403),
    DUPLICATE_ADJUSTMENT(404),

    ENGINE_ERROR(901);

    private final int code;

    ResultCode(int code) {
        this.code = code;
    }

    /** The stable number: journals and clients keep it when names change. */
    public int code() {
        return code;
    }

    public boolean accepted() {
        return this == ACCEPTED;
    }

    private static final ResultCode[] BY_CODE = new ResultCode[1000];

    static {
        for (ResultCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    public static ResultCode of(int code) {
        ResultCode c = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (c == null) {
            throw new IllegalArgumentException("no result code " + code);
        }
        return c;
    }
}
