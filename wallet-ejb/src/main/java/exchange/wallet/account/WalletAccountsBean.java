package exchange.wallet.account;

import exchange.api.engine.EngineGateway;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.WalletAccounts;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@Stateless
public class WalletAccountsBean implements WalletAccounts {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private EngineGateway gateway;

    /**
     * Once the projection has the user's last engine command (read your writes). Outside the
     * caller's transaction, whose read snapshot may predate the projection's commit.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<AccountView> accountsOf(long userId) {
        gateway.awaitProjected(userId);
        return em.createNamedQuery(Account.OF_USER, Account.class).setParameter("userId", userId)
                .getResultStream().map(a -> new AccountView(a.asset(), a.available(), a.frozen())).toList();
    }

    @Override
    public List<String> listedAssets() {
        return em.createNamedQuery(Asset.ENABLED, Asset.class).getResultStream().map(Asset::code).toList();
    }
}
