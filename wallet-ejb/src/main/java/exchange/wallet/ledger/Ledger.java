package exchange.wallet.ledger;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.AssetChanged;
import exchange.api.event.BalancesChanged;
import exchange.api.persistence.BulkInsert;
import exchange.wallet.account.Account;
import exchange.wallet.messaging.WalletEventOutbox;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The only writer of the wallet's balances, a projection of the matching engine's (which owns
 * them): {@link ProjectBalances} posts what the engine's journal did. A posting is double entry
 * (per asset its legs sum to zero, a freeze being a move within one account), is all or nothing
 * inside the caller's transaction, never takes a user balance below zero, and is keyed by
 * (business type, business id, account): the journal's unique key refuses a step posted twice.
 *
 * <p>A projection batch posts hundreds of steps in one transaction, so what they write is
 * gathered and written at its end by {@link #writePosted}: the journal rows as multi-row inserts,
 * the users' changes as one {@link BalancesChanged} event (not one message per leg).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Ledger {
    private static final Comparator<Leg> LOCK_ORDER =
            Comparator.comparingLong(Leg::userId).thenComparing(Leg::asset);
    private static final Object LOCKED = Ledger.class.getName() + ".locked";
    private static final Object POSTED = Ledger.class.getName() + ".posted";
    private static final int HOLD_CHUNK = 500;
    /** Changes per BalancesChanged. */
    private static final int EVENT_CHUNK = 1000;

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private WalletEventOutbox events;
    @Resource
    private TransactionSynchronizationRegistry transaction;
    @Resource(lookup = "jdbc/exchange")
    private javax.sql.DataSource dataSource;

    /**
     * Applies the legs to the accounts (locked once per transaction) and gathers their journal rows
     * and changes for {@link #writePosted}. Returns false when the legs cancel out (nothing moved).
     * Steps are posted once: the caller's watermark skips what it posted before, and the journal's
     * unique key fails the transaction should a step come twice all the same.
     */
    public boolean post(String businessType, String businessId, List<Leg> legs) {
        requireBalanced(legs);
        // One lock order for every posting, so two postings never wait on each other in a cycle;
        // legs on the same account (a self-trade) become one change, one journal row.
        List<Leg> ordered = merged(legs).stream().sorted(LOCK_ORDER).toList();
        if (ordered.isEmpty()) {
            return false; // every leg cancelled out (a self-trade without fees): nothing moved
        }
        Posted posted = postedInThisTransaction();
        for (Leg leg : ordered) {
            Account account = lock(leg);
            if (!account.apply(leg.deltaAvailable(), leg.deltaFrozen())) {
                throw new BusinessException(ErrorCode.INSUFFICIENT_BALANCE,
                        "Not enough available " + leg.asset() + " for this operation.");
            }
            posted.rows.add(new Object[] {account.id(), leg.userId(), leg.asset(), leg.deltaAvailable(), leg.deltaFrozen(),
                    account.available(), account.frozen(), businessType, businessId, null});
            if (account.isUser()) {
                posted.changes.add(new AssetChanged(leg.userId(), leg.asset(), leg.deltaAvailable(), leg.deltaFrozen(),
                        account.available(), account.frozen(), businessType, businessId));
            }
        }
        return true;
    }

    /**
     * Writes what this transaction posted: its journal rows, a few hundred per statement, and the
     * users' changes as one BalancesChanged of the engine's commands {@code fromSequence} up to
     * {@code toSequence}. Nothing when nothing was posted.
     */
    public void writePosted(long fromSequence, long toSequence) {
        Posted posted = postedInThisTransaction();
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = posted.rows;
        for (Object[] row : rows) {
            row[9] = now;
        }
        BulkInsert.into(dataSource, "exchange_wallet.balance_journal (account_id, user_id, asset, delta_available,"
                + " delta_frozen, available_after, frozen_after, biz_type, biz_id, created_at)", rows);
        // A few hundred KB per message at most: the broker, the outbox and the audit log take that.
        List<AssetChanged> changes = posted.changes;
        for (int from = 0; from < changes.size(); from += EVENT_CHUNK) {
            events.publish(new BalancesChanged(fromSequence, toSequence,
                    List.copyOf(changes.subList(from, Math.min(changes.size(), from + EVENT_CHUNK)))));
        }
        rows.clear();
        posted.changes.clear();
    }

    /** What this transaction posted and has not written yet. */
    private static final class Posted {
        final List<Object[]> rows = new ArrayList<>();
        final List<AssetChanged> changes = new ArrayList<>();
    }

    private Posted postedInThisTransaction() {
        Posted posted = (Posted) transaction.getResource(POSTED);
        if (posted == null) {
            posted = new Posted();
            transaction.putResource(POSTED, posted);
        }
        return posted;
    }

    private static List<Leg> merged(List<Leg> legs) {
        Map<String, Leg> byAccount = new java.util.LinkedHashMap<>();
        for (Leg leg : legs) {
            byAccount.merge(leg.userId() + "/" + leg.asset(), leg, (a, b) -> new Leg(a.userId(), a.asset(),
                    a.deltaAvailable().add(b.deltaAvailable()), a.deltaFrozen().add(b.deltaFrozen())));
        }
        return byAccount.values().stream()
                .filter(l -> l.deltaAvailable().signum() != 0 || l.deltaFrozen().signum() != 0).toList();
    }

    private static void requireBalanced(List<Leg> legs) {
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("a posting needs at least one leg");
        }
        Map<String, BigDecimal> perAsset = new HashMap<>();
        legs.forEach(l -> perAsset.merge(l.asset(), l.total(), BigDecimal::add));
        perAsset.forEach((asset, sum) -> {
            if (sum.signum() != 0) {
                throw new IllegalArgumentException("unbalanced posting: " + asset + " legs sum to " + sum);
            }
        });
    }

    /**
     * Holds a user's account row of an asset until the transaction ends, so checks that read the
     * user's earlier movements of it (daily limits, velocity) run one at a time per user and asset.
     * A user with no such account (an unknown asset) is not an error here.
     */
    public void holdIfOpen(long userId, String asset) {
        String key = userId + "/" + asset;
        if (asset.length() > 16 || lockedInThisTransaction().containsKey(key)) {
            return;
        }
        em.createNamedQuery(Account.ONE, Account.class).setParameter("userId", userId).setParameter("asset", asset)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .ifPresent(account -> lockedInThisTransaction().put(key, account));
    }

    /**
     * Locks every account of these users in one statement, in the postings' lock order: a
     * projection batch touches hundreds of accounts, and asking for each was a round trip apiece.
     */
    public void holdAccountsOf(Collection<Long> userIds) {
        List<Long> ids = userIds.stream().distinct().sorted().toList();
        Map<String, Account> locked = lockedInThisTransaction();
        for (int from = 0; from < ids.size(); from += HOLD_CHUNK) {
            em.createQuery("SELECT a FROM Account a WHERE a.userId IN :users ORDER BY a.userId, a.asset", Account.class)
                    .setParameter("users", ids.subList(from, Math.min(ids.size(), from + HOLD_CHUNK)))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .forEach(a -> locked.putIfAbsent(a.userId() + "/" + a.asset(), a));
        }
    }

    /**
     * Locks the account once per transaction: a projection batch posts many trades in one
     * transaction, and each trade touches the fee accounts, so asking the database again for a row
     * this transaction already holds was a round trip per leg for nothing. The entity is the persistence context's
     * own, so it carries every earlier posting's change; a failed posting rolls the whole
     * transaction back (BusinessException is a rollback exception), so nothing stale survives.
     */
    private Account lock(Leg leg) {
        Map<String, Account> locked = lockedInThisTransaction();
        String key = leg.userId() + "/" + leg.asset();
        Account account = locked.get(key);
        if (account == null) {
            account = em.createNamedQuery(Account.ONE, Account.class)
                    .setParameter("userId", leg.userId())
                    .setParameter("asset", leg.asset())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().findFirst()
                    .orElseGet(() -> open(leg));
            locked.put(key, account);
        }
        return account;
    }

    /**
     * The engine decides what a user holds, the ledger follows: a user who registered before an
     * asset was listed has no account of it until it first moves.
     */
    private Account open(Leg leg) {
        if (leg.userId() <= 0) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No " + leg.asset() + " account for user " + leg.userId() + ".");
        }
        Account account = Account.opened(leg.userId(), leg.asset());
        em.persist(account);
        em.flush(); // its id keys the journal rows
        return account;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Account> lockedInThisTransaction() {
        Map<String, Account> locked = (Map<String, Account>) transaction.getResource(LOCKED);
        if (locked == null) {
            locked = new HashMap<>();
            transaction.putResource(LOCKED, locked);
        }
        return locked;
    }
}
