package exchange.wallet.account;

import exchange.api.wallet.AccountView;
import exchange.api.wallet.WalletAccounts;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@Stateless
public class WalletAccountsBean implements WalletAccounts {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    @Override
    public List<AccountView> accountsOf(long userId) {
        return em.createNamedQuery(Account.OF_USER, Account.class).setParameter("userId", userId)
                .getResultStream().map(a -> new AccountView(a.asset(), a.available(), a.frozen())).toList();
    }

    @Override
    public List<String> listedAssets() {
        return em.createNamedQuery(Asset.ENABLED, Asset.class).getResultStream().map(Asset::code).toList();
    }
}
