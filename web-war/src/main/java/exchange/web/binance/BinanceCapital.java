package exchange.web.binance;

import exchange.api.user.ApiKeys;
import exchange.api.wallet.DepositAddresses;
import exchange.api.wallet.Withdrawals;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binance's wallet endpoints ({@code /sapi/v1/capital/...}, forwarded here by {@link SapiForward}):
 * deposit address, withdraw (an API key with the WITHDRAW permission) and the withdrawal history,
 * on the same wallet service as our own {@code /api/wallet}.
 */
@Path("sapi/v1/capital")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BinanceCapital {
    @EJB
    private Withdrawals withdrawals;
    @EJB
    private DepositAddresses depositAddresses;
    @Inject
    private SignedCall call;

    @GET
    @Path("deposit/address")
    @Signed(ApiKeys.Permission.READ)
    public Map<String, Object> depositAddress() {
        DepositAddresses.DepositAddressView a = depositAddresses.apply(call.userId(), coin(), call.param("network"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", a.address());
        m.put("coin", a.asset());
        m.put("tag", "");
        m.put("url", "");
        return m;
    }

    /** Binance answers the new withdrawal's id only; the history tells its fate. */
    @POST
    @Path("withdraw/apply")
    @Signed(ApiKeys.Permission.WITHDRAW)
    public Map<String, Object> withdraw() {
        Withdrawals.WithdrawalView w = withdrawals.applyWithApiKey(call.userId(), new Withdrawals.WithdrawRequest(coin(),
                call.param("network"), call.required("address"), call.decimal("amount"), call.param("withdrawOrderId"), null));
        return Map.of("id", Long.toString(w.id()));
    }

    @GET
    @Path("withdraw/history")
    @Signed(ApiKeys.Permission.READ)
    public List<Map<String, Object>> withdrawHistory() {
        String coin = call.param("coin");
        return withdrawals.history(call.userId(), coin == null ? null : coin.toUpperCase(Locale.ROOT), 1000).stream()
                .map(BinanceCapital::withdrawal).toList();
    }

    private static Map<String, Object> withdrawal(Withdrawals.WithdrawalView w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(w.id()));
        m.put("amount", BinanceShapes.plain(w.amount()));
        m.put("transactionFee", BinanceShapes.plain(w.fee()));
        m.put("coin", w.asset());
        m.put("status", status(w.status()));
        m.put("address", w.address());
        m.put("txId", w.txHash() == null ? "" : w.txHash());
        m.put("applyTime", w.createdAt().toString().replace('T', ' ').replaceAll("\\.\\d+", "").replace("Z", ""));
        m.put("network", w.network());
        m.put("transferType", 0);
        m.put("info", w.reason() == null ? "" : w.reason());
        m.put("confirmNo", w.confirmations());
        return m;
    }

    /** Binance's codes: 1 cancelled, 2 awaiting approval, 3 rejected, 4 processing, 6 completed. */
    private static int status(String status) {
        return switch (status) {
            case "PENDING_REVIEW" -> 2;
            case "CANCELED" -> 1;
            case "REJECTED" -> 3;
            case "COMPLETED" -> 6;
            default -> 4;
        };
    }

    private String coin() {
        return call.required("coin").toUpperCase(Locale.ROOT);
    }
}
