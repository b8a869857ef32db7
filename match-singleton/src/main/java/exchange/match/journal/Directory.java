package exchange.match.journal;

import exchange.match.core.Command;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The names behind the core's numbers: each asset's code and engine scale, each market's symbol,
 * assets, tick and step, as the journal's AddAsset and AddMarket commands declared them. Kept with
 * the engine's state (and in its snapshots), so the edge converts decimals exactly as the core was
 * told, and a replay needs no database.
 */
public final class Directory {
    /** One unit of the asset is 10^-scale of a coin. */
    public record AssetInfo(int id, String code, int scale) {
        public BigDecimal unit() {
            return BigDecimal.ONE.movePointLeft(scale);
        }
    }

    public record MarketInfo(int id, String symbol, AssetInfo base, AssetInfo quote, BigDecimal tick, BigDecimal step,
                             long baseUnitsPerLot, long quoteUnitsPerTickLot) {
    }

    // Written by the engine's thread only; read by callers converting their commands, hence concurrent maps.
    private final Map<String, AssetInfo> assets = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Integer, AssetInfo> assetsById = new ConcurrentSkipListMap<>();
    private final Map<String, MarketInfo> markets = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Integer, MarketInfo> marketsById = new ConcurrentSkipListMap<>();

    /** Takes note of a reference-data command the core accepted. */
    void record(Command command) {
        if (command instanceof Command.AddAsset a) {
            AssetInfo info = new AssetInfo(a.asset(), a.code(), a.scale());
            assets.put(a.code(), info);
            assetsById.put(a.asset(), info);
        } else if (command instanceof Command.AddMarket m) {
            MarketInfo info = new MarketInfo(m.market(), m.symbol(), assetsById.get(m.base()), assetsById.get(m.quote()),
                    m.tick(), m.step(), m.baseUnitsPerLot(), m.quoteUnitsPerTickLot());
            markets.put(m.symbol(), info);
            marketsById.put(m.market(), info);
        }
    }

    public AssetInfo asset(String code) {
        return assets.get(code);
    }

    public AssetInfo asset(int id) {
        return assetsById.get(id);
    }

    public MarketInfo market(String symbol) {
        return markets.get(symbol);
    }

    public MarketInfo market(int id) {
        return marketsById.get(id);
    }

    public Collection<AssetInfo> assets() {
        return assetsById.values();
    }

    public Collection<MarketInfo> markets() {
        return marketsById.values();
    }

    /** The id a new asset gets: one above the highest in use. */
    public int nextAssetId() {
        return assetsById.isEmpty() ? 0 : assetsById.lastKey() + 1;
    }

    public int nextMarketId() {
        return marketsById.isEmpty() ? 0 : marketsById.lastKey() + 1;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(assetsById.size());
        for (AssetInfo a : assetsById.values()) {
            Command.writeTagged(new Command.AddAsset(a.id(), a.code(), a.scale()), out);
        }
        out.writeInt(marketsById.size());
        for (MarketInfo m : marketsById.values()) {
            Command.writeTagged(new Command.AddMarket(m.id(), m.base().id(), m.quote().id(), m.baseUnitsPerLot(),
                    m.quoteUnitsPerTickLot(), 0, 0, 0, m.symbol(), m.tick(), m.step()), out);
        }
    }

    void read(DataInput in) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            record(Command.read(in));
        }
        for (int n = in.readInt(); n > 0; n--) {
            record(Command.read(in));
        }
    }
}
