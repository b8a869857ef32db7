package exchange.it.cluster;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.JournalReplayTool;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * After a chaos run: waits until the cluster is quiet and the projections hold everything the
 * engine applied, then holds the database and the journal against every answer the traders got.
 */
final class ChaosChecks {
    private final String symbol;
    private final List<Users.Trader> traders;
    private final String admin;
    private final ChaosRun.Settings settings;
    private final double loadSeconds;
    private final List<ChaosRun.Place> places;
    private final List<ChaosRun.Cancel> cancels;
    private final List<ChaosRun.Credit> credits;
    private final List<ChaosRun.Fault> faults;
    private final Map<String, Long> refusals;
    private final Map<String, Long> reads;
    private final ChainActivity.Result chain;

    ChaosChecks(String symbol, List<Users.Trader> traders, String admin, ChaosRun.Settings settings, double loadSeconds,
                List<ChaosRun.Place> places, List<ChaosRun.Cancel> cancels, List<ChaosRun.Credit> credits,
                List<ChaosRun.Fault> faults, Map<String, Long> refusals, Map<String, Long> reads, ChainActivity.Result chain) {
        this.symbol = symbol;
        this.traders = traders;
        this.admin = admin;
        this.settings = settings;
        this.loadSeconds = loadSeconds;
        this.places = places;
        this.cancels = cancels;
        this.credits = credits;
        this.faults = faults;
        this.refusals = refusals;
        this.reads = reads;
        this.chain = chain;
    }

    ChaosReport check() throws Exception {
        JsonObject quiet = awaitQuiet();
        String users = ChaosRun.userIds(traders);
        Map<Long, String[]> orders = new HashMap<>(); // id -> {clientOrderId, userId, status}
        Map<String, Integer> byClientId = new HashMap<>();
        try (Connection c = db(); PreparedStatement p = c.prepareStatement(
                "SELECT id, client_order_id, user_id, status FROM exchange_trade.orders WHERE symbol = ?")) {
            p.setString(1, symbol);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    orders.put(r.getLong(1), new String[] {r.getString(2), Long.toString(r.getLong(3)), r.getString(4)});
                    byClientId.merge(r.getString(2), 1, Integer::sum);
                }
            }
        }
        long acceptedPlaces = 0;
        long lostPlaces = 0;
        long unknownApplied = 0;
        long unknownPlaces = 0;
        for (ChaosRun.Place p : places) {
            if (p.outcome() == ChaosRun.Outcome.ACCEPTED) {
                acceptedPlaces++;
                String[] row = orders.get(p.orderId());
                if (row == null || !p.clientOrderId().equals(row[0]) || p.userId() != Long.parseLong(row[1])) {
                    lostPlaces++;
                }
            } else if (p.outcome() == ChaosRun.Outcome.UNKNOWN) {
                unknownPlaces++;
                unknownApplied += byClientId.containsKey(p.clientOrderId()) ? 1 : 0;
            }
        }
        // A refused order must have changed nothing: its client order id is in no order.
        long refusedButPlaced = places.stream().filter(p -> p.outcome() == ChaosRun.Outcome.REFUSED
                && byClientId.containsKey(p.clientOrderId())).count();
        long doubledPlaces = byClientId.values().stream().filter(n -> n > 1).count();
        long acceptedCancels = 0;
        long lostCancels = 0;
        for (ChaosRun.Cancel k : cancels) {
            if (k.outcome() == ChaosRun.Outcome.ACCEPTED) {
                acceptedCancels++;
                String[] row = orders.get(k.orderId());
                if (row == null || row[2].equals("NEW") || row[2].equals("PARTIALLY_FILLED")) {
                    lostCancels++;
                }
            }
        }
        long acceptedCredits = 0;
        long lostCredits = 0;
        for (ChaosRun.Credit k : credits) {
            if (k.outcome() == ChaosRun.Outcome.ACCEPTED) {
                acceptedCredits++;
                if (Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal WHERE biz_type = 'ADJUSTMENT' AND user_id = ?"
                        + " AND biz_id = (SELECT CAST(id AS CHAR) FROM exchange_wallet.adjustments WHERE request_id = ?)",
                        k.userId(), k.requestId()) != 1) {
                    lostCredits++;
                }
            }
        }
        long negative = Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE kind = 'USER' AND (available < 0 OR frozen < 0)");
        long unbalancedAssets = Db.count("SELECT COUNT(*) FROM (SELECT asset FROM exchange_wallet.accounts GROUP BY asset"
                + " HAVING SUM(available + frozen) <> 0) x");
        Map<String, BigDecimal[]> conservation = conservation(users);
        long frozenMismatches = Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts a WHERE a.user_id IN (" + users + ")"
                + " AND a.asset IN ('BTC', 'USDT') AND a.frozen <> (SELECT COALESCE(SUM(CASE WHEN o.side = 'BUY'"
                + " THEN o.price * (o.quantity - o.executed_qty) ELSE o.quantity - o.executed_qty END), 0)"
                + " FROM exchange_trade.orders o WHERE o.user_id = a.user_id AND o.frozen_asset = a.asset"
                + " AND o.status IN ('NEW', 'PARTIALLY_FILLED'))");
        long fillMismatches = Db.count("SELECT COUNT(*) FROM exchange_trade.orders o WHERE o.symbol = ?"
                + " AND o.executed_qty <> (SELECT COALESCE(SUM(t.quantity), 0) FROM exchange_trade.trades t"
                + " WHERE t.buy_order_id = o.id OR t.sell_order_id = o.id)", symbol);
        long trades = Db.count("SELECT COUNT(*) FROM exchange_trade.trades WHERE symbol = ?", symbol);

        long position = quiet.getJsonNumber("journalPosition").longValue();
        long liveHash = quiet.getJsonNumber("stateHash").longValue();
        JournalReplayTool.Replayed atPosition = JournalReplayTool.run("until=" + position);
        JournalReplayTool.Replayed toEnd = JournalReplayTool.run();
        return new ChaosReport(settings, symbol, loadSeconds, acceptedPlaces, unknownPlaces, unknownApplied, refusedButPlaced,
                acceptedCancels, acceptedCredits, lostPlaces, lostCancels, lostCredits, doubledPlaces, negative,
                unbalancedAssets, conservation, frozenMismatches, fillMismatches, trades, liveHash, atPosition.hash(), position,
                toEnd.exit() == 0, toEnd.exit() == 0 ? "" : toEnd.output(), faults, refusals, reads, chain);
    }

    /**
     * Per asset, for the run's traders: what operators credited them, against what they hold plus
     * the fees they paid (a buyer's fee is in the base asset, a seller's in the quote).
     */
    private Map<String, BigDecimal[]> conservation(String users) throws Exception {
        Map<String, BigDecimal[]> out = new TreeMap<>();
        for (String asset : new String[] {"BTC", "USDT"}) {
            BigDecimal credited = new BigDecimal(Db.string("SELECT COALESCE(SUM(amount), 0) FROM exchange_wallet.adjustments"
                    + " WHERE asset = ? AND user_id IN (" + users + ")", asset));
            BigDecimal held = new BigDecimal(Db.string("SELECT COALESCE(SUM(available + frozen), 0) FROM exchange_wallet.accounts"
                    + " WHERE asset = ? AND user_id IN (" + users + ")", asset));
            String feeColumn = asset.equals("BTC") ? "buyer_fee" : "seller_fee";
            String payer = asset.equals("BTC") ? "buyer_id" : "seller_id";
            BigDecimal fees = new BigDecimal(Db.string("SELECT COALESCE(SUM(" + feeColumn + "), 0) FROM exchange_trade.trades"
                    + " WHERE symbol = ? AND " + payer + " IN (" + users + ")", symbol));
            out.put(asset, new BigDecimal[] {credited, held, fees});
        }
        return out;
    }

    /**
     * Quiet: a leader answers, the engine applies nothing more for a second, both projections hold
     * every command it applied, and the database's open orders are the engine's resting ones.
     */
    private JsonObject awaitQuiet() {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                JsonObject before = Api.get("/api/admin/engine/recovery", admin).json();
                ClusterControl.sleep(1000);
                JsonObject after = Api.get("/api/admin/engine/recovery", admin).json();
                long applied = after.getJsonNumber("commandsApplied").longValue();
                if (before.getJsonNumber("journalPosition").longValue() == after.getJsonNumber("journalPosition").longValue()
                        && Db.count("SELECT next_sequence FROM exchange_trade.engine_watermark WHERE projection = 'trade'") == applied
                        && Db.count("SELECT next_sequence FROM exchange_wallet.engine_watermark WHERE projection = 'wallet'") == applied
                        && restingInEngine() == Db.count("SELECT COUNT(*) FROM exchange_trade.orders WHERE symbol = ?"
                        + " AND status IN ('NEW', 'PARTIALLY_FILLED')", symbol)) {
                    return after;
                }
            } catch (RuntimeException e) {
                ClusterControl.sleep(1000); // no leader yet behind the address, or it is still starting
            }
        }
        throw new IllegalStateException("the cluster did not settle in 300 s after the run");
    }

    private long restingInEngine() {
        Api.Reply r = Api.get("/api/admin/engine", admin);
        if (r.status() != 200) {
            return -1;
        }
        return r.structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("symbol").equals(symbol)).mapToLong(b -> b.getInt("restingOrders")).findFirst().orElse(-1);
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(Db.url(), Db.user(), Db.password());
    }
}
