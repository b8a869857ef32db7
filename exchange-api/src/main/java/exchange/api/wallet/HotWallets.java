package exchange.api.wallet;

import jakarta.ejb.Local;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The hot wallets withdrawals are paid from, and how sending stands: for operators. */
@Local
public interface HotWallets {
    List<HotWalletView> hotWallets();

    /**
     * address: null without a configured key; balances: per asset, what the chain (Ethereum) or
     * the scanned confirmed unspent outputs (Bitcoin) hold, empty when the node cannot be asked;
     * problem: why approved withdrawals of that chain wait (no key, too little, node down), null
     * when they do not.
     */
    record HotWalletView(String chain, String address, Map<String, BigDecimal> balances, String problem) {
    }
}
