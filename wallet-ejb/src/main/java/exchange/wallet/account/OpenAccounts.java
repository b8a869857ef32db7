package exchange.wallet.account;

import exchange.api.event.ConsumerGroups;
import exchange.api.event.UserRegistered;
import exchange.api.messaging.EventEnvelope;
import exchange.api.messaging.Inbox;
import exchange.wallet.messaging.WalletProcessedEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.Set;

/** A new user gets one zero-balance account per listed asset (seed 3.1, consumer of UserRegistered). */
@Stateless
public class OpenAccounts {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    public void onUserRegistered(EventEnvelope event) {
        if (!Inbox.firstDelivery(em, new WalletProcessedEvent(ConsumerGroups.WALLET, event))) {
            return;
        }
        long userId = event.payloadAs(UserRegistered.class).userId();
        // The balance projection may have opened one already, had the engine moved it first.
        Set<String> open = new HashSet<>(em.createQuery(
                "SELECT a.asset FROM Account a WHERE a.userId = :u", String.class).setParameter("u", userId).getResultList());
        for (Asset asset : em.createNamedQuery(Asset.ENABLED, Asset.class).getResultList()) {
            if (!open.contains(asset.code())) {
                em.persist(Account.opened(userId, asset.code()));
            }
        }
    }
}
