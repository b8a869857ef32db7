package exchange.admin.finance;

import exchange.api.finance.FundFlows;
import exchange.api.trade.MarketData;
import exchange.api.trade.MarketDirectory;
import exchange.api.trade.SymbolView;
import exchange.api.wallet.WalletTotals;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finance: what users hold per asset, fee income, fund flows with filters and their CSV export,
 * and charts (Chart.js through PrimeFaces) of fees, users' balances and a market's volume by day.
 */
@Named
@ViewScoped
public class FinancePage implements Serializable {
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int DAYS = 14;
    @EJB
    private FundFlows flows;
    @EJB
    private WalletTotals wallet;
    @EJB
    private MarketData marketData;
    @EJB
    private MarketDirectory markets;
    private Long userId;
    private String asset = "USDT";
    private String symbol = "BTCUSDT";
    private int limit = 100;

    public List<WalletTotals.AssetTotals> getBalances() {
        return wallet.totals();
    }

    public List<FundFlows.FeeTotal> getFees() {
        return flows.feeIncome();
    }

    public List<FundFlows.Flow> getFlows() {
        return flows.flows(userId, blankToNull(asset), Math.max(1, Math.min(limit, 5000)));
    }

    public void search() {
        // the getters read with the new filters
    }

    public void exportCsv() throws IOException {
        StringBuilder csv = new StringBuilder("id,user_id,asset,delta_available,delta_frozen,available_after,frozen_after,business_type,business_id,occurred_at\n");
        for (FundFlows.Flow f : getFlows()) {
            csv.append(f.id()).append(',').append(f.userId()).append(',').append(f.asset()).append(',')
                    .append(plain(f.deltaAvailable())).append(',').append(plain(f.deltaFrozen())).append(',')
                    .append(plain(f.availableAfter())).append(',').append(plain(f.frozenAfter())).append(',')
                    .append(f.businessType()).append(',').append(f.businessId()).append(',').append(f.occurredAt()).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        ext.responseReset();
        ext.setResponseContentType("text/csv");
        ext.setResponseContentLength(bytes.length);
        ext.setResponseHeader("Content-Disposition", "attachment; filename=\"fund-flows.csv\"");
        ext.getResponseOutputStream().write(bytes);
        faces.responseComplete();
    }

    /** Fee income per day of the chosen asset, a bar chart. */
    public String getFeeChart() {
        Map<LocalDate, BigDecimal> fees = new TreeMap<>();
        days().forEach(d -> fees.put(d, BigDecimal.ZERO));
        flows.daily(DAYS).stream().filter(f -> f.asset().equals(asset)).forEach(f -> fees.put(f.day(), f.feeIncome()));
        return chart("bar", "Fee income (" + asset + ")", fees);
    }

    /** What all users hold of the chosen asset at the end of each day: today's total less later changes. */
    public String getBalanceChart() {
        BigDecimal now = wallet.totals().stream().filter(t -> t.asset().equals(asset)).map(WalletTotals.AssetTotals::usersBalance)
                .findFirst().orElse(BigDecimal.ZERO);
        Map<LocalDate, BigDecimal> change = new TreeMap<>();
        flows.daily(DAYS).stream().filter(f -> f.asset().equals(asset)).forEach(f -> change.put(f.day(), f.balanceChange()));
        Map<LocalDate, BigDecimal> held = new TreeMap<>();
        List<LocalDate> days = new ArrayList<>(days());
        BigDecimal running = now;
        for (int i = days.size() - 1; i >= 0; i--) {
            held.put(days.get(i), running);
            running = running.subtract(change.getOrDefault(days.get(i), BigDecimal.ZERO));
        }
        return chart("line", "Users' balances (" + asset + ")", held);
    }

    /** The chosen market's quote volume per day, from its daily candles. */
    public String getVolumeChart() {
        Map<LocalDate, BigDecimal> volume = new TreeMap<>();
        days().forEach(d -> volume.put(d, BigDecimal.ZERO));
        for (MarketData.Candle c : marketData.klines(symbol, "1d", null, DAYS)) {
            LocalDate day = LocalDate.ofInstant(c.openTime(), ZoneOffset.UTC);
            if (volume.containsKey(day)) {
                volume.put(day, c.quoteVolume());
            }
        }
        return chart("bar", symbol + " volume (quote)", volume);
    }

    public List<String> getSymbols() {
        return markets.symbols().stream().map(SymbolView::symbol).toList();
    }

    private static List<LocalDate> days() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        return days;
    }

    private static String chart(String type, String label, Map<LocalDate, BigDecimal> values) {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder data = JSON.createArrayBuilder();
        values.forEach((day, v) -> {
            labels.add(day.toString());
            data.add(v);
        });
        return JSON.createObjectBuilder().add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("label", label).add("data", data)
                                .add("backgroundColor", "rgba(29,39,51,0.6)").add("borderColor", "#1d2733"))))
                .add("options", JSON.createObjectBuilder().add("animation", false)
                        .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder().add("display", true))))
                .build().toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getAsset() {
        return asset;
    }

    public void setAsset(String asset) {
        this.asset = asset;
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }
}
