package exchange.api.wallet;

import jakarta.ejb.Local;
import java.util.List;

@Local
public interface WalletAccounts {
    List<AccountView> accountsOf(long userId);

    /** Codes of the assets users can hold. */
    List<String> listedAssets();
}
