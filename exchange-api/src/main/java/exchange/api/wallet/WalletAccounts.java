package exchange.api.wallet;

import jakarta.ejb.Local;
import java.util.List;

@Local
public interface WalletAccounts {
    List<AccountView> accountsOf(long userId);
}
