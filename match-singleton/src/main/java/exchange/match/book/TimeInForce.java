package exchange.match.book;

/** For LIMIT orders: rest the remainder (GTC), drop it (IOC), or fill all at once or nothing (FOK). */
public enum TimeInForce {
    GTC, IOC, FOK
}
