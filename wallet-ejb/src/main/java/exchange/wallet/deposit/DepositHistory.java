package exchange.wallet.deposit;

import exchange.api.engine.EngineGateway;
import exchange.api.wallet.Deposits;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;

@Stateless
public class DepositHistory implements Deposits {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private EngineGateway gateway;

    @Override
    public List<DepositView> history(long userId, String asset, int limit) {
        gateway.awaitProjected(userId); // read your writes
        return em.createNamedQuery(Deposit.OF_USER, Deposit.class).setParameter("userId", userId)
                .setParameter("asset", asset == null || asset.isBlank() ? null : asset.trim().toUpperCase(Locale.ROOT))
                .setMaxResults(limit).getResultList().stream().map(Deposit::view).toList();
    }
}
