package exchange.web.binance;

/** An error that exists only on the Binance face (a missing or malformed parameter), in Binance's numbers. */
public class BinanceError extends RuntimeException {
    private final int code;
    private final int status;

    public BinanceError(int code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }
}
