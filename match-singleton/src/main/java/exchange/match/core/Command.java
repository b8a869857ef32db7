package exchange.match.core;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Every command the core takes, as a value: what the sequencer journals and a replay applies. One
 * record per {@link TradingCore} method, each with a stable tag, its own binary form and the call
 * it makes, so the journal, the live engine and the replay tool cannot disagree on a command's
 * meaning. Ids (order ids) and the time are already in the command when it is journaled: nothing
 * is decided while it is applied that a replay could decide differently.
 */
public sealed interface Command {
    /** What the core answers; {@link SetTime} always {@link ResultCode#ACCEPTED}. */
    ResultCode applyTo(TradingCore core);

    /** The record's stable number in the journal. Never reuse one. */
    int tag();

    void write(DataOutput out) throws IOException;

    /** Reads one command written by {@link #writeTagged}. */
    static Command read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case SetTime.TAG -> new SetTime(in.readLong());
            case Place.TAG -> new Place(in.readLong(), in.readLong(), in.readInt(), Side.values()[in.readUnsignedByte()],
                    OrderType.values()[in.readUnsignedByte()], TimeInForce.values()[in.readUnsignedByte()],
                    in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    SelfTradePrevention.values()[in.readUnsignedByte()], in.readBoolean() ? in.readUTF() : null);
            case Cancel.TAG -> new Cancel(in.readLong(), in.readLong());
            case Move.TAG -> new Move(in.readLong(), in.readLong(), in.readLong());
            case ReserveOrderIds.TAG -> new ReserveOrderIds(in.readLong());
            case Deposit.TAG -> new Deposit(in.readLong(), in.readInt(), in.readLong(), in.readLong());
            case Adjust.TAG -> new Adjust(in.readLong(), in.readInt(), in.readLong(), in.readLong());
            case FreezeWithdrawal.TAG -> new FreezeWithdrawal(in.readLong(), in.readLong(), in.readInt(), in.readLong());
            case ReleaseWithdrawal.TAG -> new ReleaseWithdrawal(in.readLong());
            case CompleteWithdrawal.TAG -> new CompleteWithdrawal(in.readLong());
            case AddAsset.TAG -> new AddAsset(in.readInt(), in.readUTF(), in.readUnsignedByte());
            case AddMarket.TAG -> new AddMarket(in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong(), in.readUTF(), new java.math.BigDecimal(in.readUTF()),
                    new java.math.BigDecimal(in.readUTF()));
            case HaltMarket.TAG -> new HaltMarket(in.readInt(), in.readBoolean());
            case SetMarketFees.TAG -> new SetMarketFees(in.readInt(), in.readLong(), in.readLong());
            case SetUserFees.TAG -> new SetUserFees(in.readLong(), in.readLong(), in.readLong());
            case SetLevelLimits.TAG -> new SetLevelLimits(in.readInt(), in.readInt(), in.readLong(), in.readLong());
            case SetUserLevel.TAG -> new SetUserLevel(in.readLong(), in.readInt());
            default -> throw new IOException("unknown command tag " + tag);
        };
    }

    /** The tag, then the record: what {@link #read} reads back. */
    static void writeTagged(Command command, DataOutput out) throws IOException {
        out.writeByte(command.tag());
        command.write(out);
    }

    record SetTime(long epochMillis) implements Command {
        static final int TAG = 1;

        public ResultCode applyTo(TradingCore core) {
            core.setTime(epochMillis);
            return ResultCode.ACCEPTED;
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(epochMillis);
        }
    }

    /** See {@link TradingCore#place}: prices in ticks, quantity in lots, budget in tick x lot units. */
    record Place(long orderId, long userId, int market, Side side, OrderType type, TimeInForce tif, long price,
                 long reserve, long lots, long budget, SelfTradePrevention stp, String clientOrderId) implements Command {
        static final int TAG = 2;

        public ResultCode applyTo(TradingCore core) {
            return core.place(orderId, userId, market, side, type, tif, price, reserve, lots, budget, stp, clientOrderId);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(orderId);
            out.writeLong(userId);
            out.writeInt(market);
            out.writeByte(side.ordinal());
            out.writeByte(type.ordinal());
            out.writeByte(tif.ordinal());
            out.writeLong(price);
            out.writeLong(reserve);
            out.writeLong(lots);
            out.writeLong(budget);
            out.writeByte(stp.ordinal());
            out.writeBoolean(clientOrderId != null);
            if (clientOrderId != null) {
                out.writeUTF(clientOrderId);
            }
        }
    }

    record Cancel(long orderId, long userId) implements Command {
        static final int TAG = 3;

        public ResultCode applyTo(TradingCore core) {
            return core.cancel(orderId, userId);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(orderId);
            out.writeLong(userId);
        }
    }

    record Move(long orderId, long userId, long newPrice) implements Command {
        static final int TAG = 4;

        public ResultCode applyTo(TradingCore core) {
            return core.move(orderId, userId, newPrice);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(orderId);
            out.writeLong(userId);
            out.writeLong(newPrice);
        }
    }

    /** Order ids up to {@code upTo} were used before this journal began (orders of an earlier engine). */
    record ReserveOrderIds(long upTo) implements Command {
        static final int TAG = 5;

        public ResultCode applyTo(TradingCore core) {
            return core.reserveOrderIds(upTo);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(upTo);
        }
    }

    record Deposit(long userId, int asset, long amount, long ref) implements Command {
        static final int TAG = 10;

        public ResultCode applyTo(TradingCore core) {
            return core.deposit(userId, asset, amount, ref);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(userId);
            out.writeInt(asset);
            out.writeLong(amount);
            out.writeLong(ref);
        }
    }

    record Adjust(long userId, int asset, long delta, long ref) implements Command {
        static final int TAG = 11;

        public ResultCode applyTo(TradingCore core) {
            return core.adjust(userId, asset, delta, ref);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(userId);
            out.writeInt(asset);
            out.writeLong(delta);
            out.writeLong(ref);
        }
    }

    record FreezeWithdrawal(long withdrawalId, long userId, int asset, long amount) implements Command {
        static final int TAG = 12;

        public ResultCode applyTo(TradingCore core) {
            return core.freezeWithdrawal(withdrawalId, userId, asset, amount);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(withdrawalId);
            out.writeLong(userId);
            out.writeInt(asset);
            out.writeLong(amount);
        }
    }

    record ReleaseWithdrawal(long withdrawalId) implements Command {
        static final int TAG = 13;

        public ResultCode applyTo(TradingCore core) {
            return core.releaseWithdrawal(withdrawalId);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(withdrawalId);
        }
    }

    record CompleteWithdrawal(long withdrawalId) implements Command {
        static final int TAG = 14;

        public ResultCode applyTo(TradingCore core) {
            return core.completeWithdrawal(withdrawalId);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(withdrawalId);
        }
    }

    /**
     * A new asset: its id in the core, its code and how many decimals the engine keeps of it (one
     * unit is 10^-scale of a coin). The code and scale ride in the journal so that it describes
     * itself: a replay needs no database to name what it rebuilds.
     */
    record AddAsset(int asset, String code, int scale) implements Command {
        static final int TAG = 20;

        /** An asset known by its id only (the core's own tests and benches). */
        public AddAsset(int asset) {
            this(asset, "A" + asset, 0);
        }

        public ResultCode applyTo(TradingCore core) {
            return core.addAsset(asset);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeInt(asset);
            out.writeUTF(code);
            out.writeByte(scale);
        }
    }

    /** A new market; its symbol, price tick and quantity step (decimals) ride along, as an asset's code. */
    record AddMarket(int market, int base, int quote, long baseUnitsPerLot, long quoteUnitsPerTickLot, long makerRate,
                     long takerRate, long marketBuyMargin, String symbol, java.math.BigDecimal tick,
                     java.math.BigDecimal step) implements Command {
        static final int TAG = 21;

        /** A market known by its id only (the core's own tests and benches). */
        public AddMarket(int market, int base, int quote, long baseUnitsPerLot, long quoteUnitsPerTickLot, long makerRate,
                         long takerRate, long marketBuyMargin) {
            this(market, base, quote, baseUnitsPerLot, quoteUnitsPerTickLot, makerRate, takerRate, marketBuyMargin,
                    "M" + market, java.math.BigDecimal.ONE, java.math.BigDecimal.ONE);
        }

        public ResultCode applyTo(TradingCore core) {
            return core.addMarket(market, base, quote, baseUnitsPerLot, quoteUnitsPerTickLot, makerRate, takerRate,
                    marketBuyMargin);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeInt(market);
            out.writeInt(base);
            out.writeInt(quote);
            out.writeLong(baseUnitsPerLot);
            out.writeLong(quoteUnitsPerTickLot);
            out.writeLong(makerRate);
            out.writeLong(takerRate);
            out.writeLong(marketBuyMargin);
            out.writeUTF(symbol);
            out.writeUTF(tick.toPlainString());
            out.writeUTF(step.toPlainString());
        }
    }

    record HaltMarket(int market, boolean halted) implements Command {
        static final int TAG = 22;

        public ResultCode applyTo(TradingCore core) {
            return core.haltMarket(market, halted);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeInt(market);
            out.writeBoolean(halted);
        }
    }

    record SetMarketFees(int market, long makerRate, long takerRate) implements Command {
        static final int TAG = 23;

        public ResultCode applyTo(TradingCore core) {
            return core.setMarketFees(market, makerRate, takerRate);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeInt(market);
            out.writeLong(makerRate);
            out.writeLong(takerRate);
        }
    }

    record SetUserFees(long userId, long makerRate, long takerRate) implements Command {
        static final int TAG = 24;

        public ResultCode applyTo(TradingCore core) {
            return core.setUserFees(userId, makerRate, takerRate);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(userId);
            out.writeLong(makerRate);
            out.writeLong(takerRate);
        }
    }

    record SetLevelLimits(int level, int quoteAsset, long orderMax, long dailyMax) implements Command {
        static final int TAG = 25;

        public ResultCode applyTo(TradingCore core) {
            return core.setLevelLimits(level, quoteAsset, orderMax, dailyMax);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeInt(level);
            out.writeInt(quoteAsset);
            out.writeLong(orderMax);
            out.writeLong(dailyMax);
        }
    }

    record SetUserLevel(long userId, int level) implements Command {
        static final int TAG = 26;

        public ResultCode applyTo(TradingCore core) {
            return core.setUserLevel(userId, level);
        }

        public int tag() {
            return TAG;
        }

        public void write(DataOutput out) throws IOException {
            out.writeLong(userId);
            out.writeInt(level);
        }
    }
}
