package exchange.wallet.withdraw;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.SecondFactor;
import exchange.api.wallet.WithdrawWhitelist;
import exchange.wallet.deposit.ApplyDepositAddress;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;

/** Keeps each user's withdrawal whitelist and answers, for a withdrawal, whether an address may be used. */
@Stateless
@LocalBean
public class ManageWhitelist implements WithdrawWhitelist {
    private static final int MAX_ENTRIES = 200;

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private SecondFactor secondFactor;

    @Override
    public Book book(long userId) {
        return new Book(enabled(userId), em.createNamedQuery(WhitelistEntry.OF_USER, WhitelistEntry.class)
                .setParameter("userId", userId).getResultList().stream().map(WhitelistEntry::view).toList());
    }

    @Override
    public Entry add(long userId, String network, String address, String label, String totpCode) {
        requireSecondFactor(userId, totpCode);
        String chain = chainOf(network);
        String canonical = WithdrawAddresses.check(chain, address, ApplyDepositAddress.bitcoinNetwork());
        if (label != null && label.length() > 64) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "label: at most 64 characters");
        }
        var existing = em.createNamedQuery(WhitelistEntry.FIND, WhitelistEntry.class).setParameter("userId", userId)
                .setParameter("chain", chain).setParameter("address", canonical).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0).view();
        }
        if (em.createNamedQuery(WhitelistEntry.OF_USER, WhitelistEntry.class).setParameter("userId", userId)
                .setMaxResults(MAX_ENTRIES).getResultList().size() >= MAX_ENTRIES) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "the whitelist holds at most " + MAX_ENTRIES + " addresses");
        }
        WhitelistEntry entry = new WhitelistEntry(userId, chain, canonical, label == null || label.isBlank() ? null : label.trim());
        em.persist(entry);
        em.flush();
        return entry.view();
    }

    @Override
    public void remove(long userId, long entryId) {
        WhitelistEntry entry = em.find(WhitelistEntry.class, entryId);
        if (entry == null || entry.userId() != userId) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No whitelist entry " + entryId + ".");
        }
        em.remove(entry);
    }

    @Override
    public void switchTo(long userId, boolean on, String totpCode) {
        requireSecondFactor(userId, totpCode);
        em.createNativeQuery("INSERT INTO exchange_wallet.withdraw_settings (user_id, whitelist_on, updated_at) VALUES (?1, ?2, NOW(6))"
                + " ON DUPLICATE KEY UPDATE whitelist_on = VALUES(whitelist_on), updated_at = VALUES(updated_at)")
                .setParameter(1, userId).setParameter(2, on).executeUpdate();
    }

    /** For a withdrawal: refuses an address that is not on the user's whitelist while it is on. */
    public void requireAllowed(long userId, String chain, String canonicalAddress) {
        if (enabled(userId) && em.createNamedQuery(WhitelistEntry.FIND, WhitelistEntry.class).setParameter("userId", userId)
                .setParameter("chain", chain).setParameter("address", canonicalAddress).getResultList().isEmpty()) {
            throw new BusinessException(ErrorCode.ADDRESS_NOT_WHITELISTED, "Add " + canonicalAddress + " to the whitelist first.");
        }
    }

    private boolean enabled(long userId) {
        var rows = em.createNativeQuery("SELECT whitelist_on FROM exchange_wallet.withdraw_settings WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        return !rows.isEmpty() && rows.get(0) != null && (rows.get(0) instanceof Boolean b ? b : ((Number) rows.get(0)).intValue() != 0);
    }

    private void requireSecondFactor(long userId, String code) {
        if (!secondFactor.enabled(userId)) {
            throw new BusinessException(ErrorCode.TOTP_NOT_ENABLED, "Turn on two-factor authentication first.");
        }
        secondFactor.require(userId, code);
    }

    private static String chainOf(String network) {
        String n = network == null ? "" : network.trim().toUpperCase(Locale.ROOT);
        if (!n.equals("BTC") && !n.equals("ETH")) {
            throw new BusinessException(ErrorCode.UNKNOWN_NETWORK, "network: BTC or ETH");
        }
        return n;
    }
}
