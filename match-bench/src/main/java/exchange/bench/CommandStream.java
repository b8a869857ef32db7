package exchange.bench;

/**
 * The benchmark's command stream as parallel primitive arrays, so that replaying it through our
 * engine allocates nothing and the timed loop measures the book, not object traffic. The first
 * {@link #warmup} commands bring the JIT and the book to a steady state; only the rest is timed.
 */
final class CommandStream {
    static final byte GTC = 0;
    static final byte IOC = 1;
    static final byte CANCEL = 2;
    static final byte MOVE = 3;
    /** Money in (funded streams only): {@code side} names the currency, {@code quantity} the amount, {@code orderId} the transaction. */
    static final byte DEPOSIT = 4;
    static final byte BASE = 0;
    static final byte QUOTE = 1;

    static final byte BUY = 0;
    static final byte SELL = 1;

    final byte[] type;
    /** Side of a place; unused for cancel and move (both engines look the order up). */
    final byte[] side;
    final long[] orderId;
    final int[] userId;
    /** Limit price of a place, new price of a move, in ticks. */
    final long[] price;
    /** Lots of a place. */
    final long[] quantity;

    final int warmup;
    final int size;
    /** Whether users hold money: deposits in the stream, and places that the risk check may refuse. */
    boolean funded;
    /** Reserve price of every bid in a funded stream (exchange-core holds bids at it; so does our core). */
    long bidReserve;
    final int users;
    /** Every price lies in [minPrice, maxPrice]: exchange-core needs a bid reserve price above them all. */
    final long minPrice;
    final long maxPrice;

    CommandStream(int size, int warmup, int users, long minPrice, long maxPrice) {
        this.size = size;
        this.warmup = warmup;
        this.users = users;
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
        type = new byte[size];
        side = new byte[size];
        orderId = new long[size];
        userId = new int[size];
        price = new long[size];
        quantity = new long[size];
    }

    int measured() {
        return size - warmup;
    }

    static String typeName(byte type) {
        switch (type) {
            case GTC: return "GTC place";
            case IOC: return "IOC place";
            case CANCEL: return "cancel";
            case MOVE: return "move";
            case DEPOSIT: return "deposit";
            default: throw new IllegalArgumentException("type " + type);
        }
    }
}
