package exchange.match.core;

import exchange.match.book.OrderType;
import exchange.match.book.SelfTradePrevention;
import exchange.match.book.Side;
import exchange.match.book.TimeInForce;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The core's whole state as bytes: assets and their supply, markets with their books in priority
 * order and what each resting order holds, every account, pending withdrawals. A core read back
 * has the same {@link TradingCore#stateHash()} and answers every later command as the original
 * would; the host stores it with the journal offset it reflects and replays from there.
 */
public final class CoreSnapshot {
    /** Bumped when the layout changes; a snapshot of another format is not read (the journal is replayed instead). */
    public static final int FORMAT = 3;

    private CoreSnapshot() {
    }

    public static void write(TradingCore core, DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeLong(core.now());
        out.writeLong(core.lastOrderId());
        boolean[] assets = core.assetsDefined();
        out.writeInt(assets.length);
        for (int i = 0; i < assets.length; i++) {
            out.writeBoolean(assets[i]);
            out.writeLong(core.supply(i));
        }
        out.writeInt(core.accountCount());
        try {
            core.forEachAccount(a -> {
                try {
                    out.writeLong(a.userId);
                    out.writeLong(a.makerRate);
                    out.writeLong(a.takerRate);
                    out.writeInt(a.available.length);
                    for (int i = 0; i < a.available.length; i++) {
                        out.writeLong(a.available[i]);
                        out.writeLong(a.frozen[i]);
                    }
                    out.writeInt(a.level);
                    out.writeLong(a.usageDay);
                    out.writeInt(a.usedToday.length);
                    for (long used : a.usedToday) {
                        out.writeLong(used);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.writeInt(core.withdrawalCount());
            core.forEachWithdrawal((id, userId, asset, amount) -> {
                try {
                    out.writeLong(id);
                    out.writeLong(userId);
                    out.writeInt(asset);
                    out.writeLong(amount);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (var ids : core.appliedIds()) {
                out.writeInt(ids.size());
                for (long id : ids.toSortedArray()) {
                    out.writeLong(id);
                }
            }
            out.writeInt(core.levelLimits().size());
            core.levelLimits().forEachKeyValue((key, v) -> {
                try {
                    out.writeLong(key);
                    out.writeLong(v[0]);
                    out.writeLong(v[1]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Oldest first, so that reading them back in order keeps the same window.
            out.writeInt(core.clientIdOrder().size());
            for (String key : core.clientIdOrder()) {
                out.writeUTF(key);
                out.writeLong(core.clientIds().get(key));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // Markets and their books last: their orders then find their accounts already read.
        Market[] markets = core.marketsDefined();
        int count = 0;
        for (Market m : markets) {
            count += m == null ? 0 : 1;
        }
        out.writeInt(count);
        for (Market m : markets) {
            if (m != null) {
                writeMarket(core, m, out);
            }
        }
    }

    private static void writeMarket(TradingCore core, Market m, DataOutput out) throws IOException {
        out.writeInt(m.id);
        out.writeInt(m.base);
        out.writeInt(m.quote);
        out.writeLong(m.baseUnitsPerLot);
        out.writeLong(m.quoteUnitsPerTickLot);
        out.writeLong(m.makerRate);
        out.writeLong(m.takerRate);
        out.writeLong(m.marketBuyMargin);
        out.writeBoolean(m.halted);
        out.writeLong(m.lastTradeId);
        out.writeLong(m.commands);
        out.writeInt(m.book.restingOrders());
        try {
            m.book.forEachResting((id, userId, side, price, remaining, stp) -> {
                OpenOrder o = core.openOrder(id);
                try {
                    out.writeLong(id);
                    out.writeLong(userId);
                    out.writeByte(side.ordinal());
                    out.writeLong(price);
                    out.writeLong(remaining);
                    out.writeByte(stp.ordinal());
                    out.writeLong(o.reserve);
                    out.writeLong(o.held);
                    // A resting order is a GTC limit (or limit maker) at its book price: only the rest is written.
                    out.writeBoolean(o.type == OrderType.LIMIT_MAKER);
                    out.writeLong(o.lots);
                    out.writeLong(o.executed);
                    out.writeLong(o.quoteFilled);
                    out.writeLong(o.createdAt);
                    out.writeBoolean(o.clientOrderId != null);
                    if (o.clientOrderId != null) {
                        out.writeUTF(o.clientOrderId);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A new core in the written state, sending its later output to {@code output}. */
    public static TradingCore read(DataInput in, CoreOutput output) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("core snapshot format " + format + ", this engine reads " + FORMAT);
        }
        TradingCore core = new TradingCore(output);
        long now = in.readLong();
        long lastOrderId = in.readLong();
        core.restoreCounters(now, lastOrderId);
        int assets = in.readInt();
        for (int i = 0; i < assets; i++) {
            boolean defined = in.readBoolean();
            long supply = in.readLong();
            if (defined) {
                core.restoreAsset(i, supply);
            }
        }
        for (int n = in.readInt(); n > 0; n--) {
            long userId = in.readLong();
            long maker = in.readLong();
            long taker = in.readLong();
            int length = in.readInt();
            Account a = core.restoreAccount(userId, length);
            a.makerRate = maker;
            a.takerRate = taker;
            for (int i = 0; i < length; i++) {
                a.available[i] = in.readLong();
                a.frozen[i] = in.readLong();
            }
            a.level = in.readInt();
            a.usageDay = in.readLong();
            a.usedToday = new long[in.readInt()];
            for (int i = 0; i < a.usedToday.length; i++) {
                a.usedToday[i] = in.readLong();
            }
        }
        for (int n = in.readInt(); n > 0; n--) {
            long id = in.readLong();
            long userId = in.readLong();
            int asset = in.readInt();
            long amount = in.readLong();
            core.restoreWithdrawal(id, userId, asset, amount);
        }
        for (var ids : core.appliedIds()) {
            for (int n = in.readInt(); n > 0; n--) {
                ids.add(in.readLong());
            }
        }
        for (int n = in.readInt(); n > 0; n--) {
            long key = in.readLong();
            core.levelLimits().put(key, new long[] {in.readLong(), in.readLong()});
        }
        for (int n = in.readInt(); n > 0; n--) {
            String key = in.readUTF();
            core.restoreClientId(key, in.readLong());
        }
        int markets = in.readInt();
        for (int k = 0; k < markets; k++) {
            int id = in.readInt();
            int base = in.readInt();
            int quote = in.readInt();
            long bpl = in.readLong();
            long qpu = in.readLong();
            long maker = in.readLong();
            long taker = in.readLong();
            long margin = in.readLong();
            if (!core.addMarket(id, base, quote, bpl, qpu, maker, taker, margin).accepted()) {
                throw new IOException("snapshot market " + id + " not accepted");
            }
            Market m = core.marketsDefined()[id];
            m.halted = in.readBoolean();
            m.lastTradeId = in.readLong();
            m.commands = in.readLong();
            readOrders(core, m, in);
        }
        return core;
    }

    private static void readOrders(TradingCore core, Market m, DataInput in) throws IOException {
        Side[] sides = Side.values();
        SelfTradePrevention[] stps = SelfTradePrevention.values();
        for (int n = in.readInt(); n > 0; n--) {
            long id = in.readLong();
            long userId = in.readLong();
            Side side = sides[in.readByte()];
            long price = in.readLong();
            long remaining = in.readLong();
            SelfTradePrevention stp = stps[in.readByte()];
            long reserve = in.readLong();
            long held = in.readLong();
            m.book.restore(id, userId, side, price, remaining, stp);
            OpenOrder o = core.restoreOrder(id, userId, m, side, reserve, held);
            o.type = in.readBoolean() ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
            o.tif = TimeInForce.GTC;
            o.price = price;
            o.lots = in.readLong();
            o.executed = in.readLong();
            o.quoteFilled = in.readLong();
            o.createdAt = in.readLong();
            o.clientOrderId = in.readBoolean() ? in.readUTF() : null;
        }
    }
}
