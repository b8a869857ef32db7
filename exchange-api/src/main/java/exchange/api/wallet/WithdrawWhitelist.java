package exchange.api.wallet;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;

/**
 * A user's withdrawal address book. With the whitelist on, withdrawals go only to its addresses.
 * Adding an address and switching the whitelist on or off need the second factor (so it must be
 * on); removing one does not, as it only narrows where funds can go.
 */
@Local
public interface WithdrawWhitelist {
    Book book(long userId);

    /** network: the chain family (BTC, ETH); the address is checked as for a withdrawal. */
    Entry add(long userId, String network, String address, String label, String totpCode);

    /** 404 NOT_FOUND unless the entry is the user's own. */
    void remove(long userId, long entryId);

    void switchTo(long userId, boolean on, String totpCode);

    record Book(boolean enabled, List<Entry> addresses) {
    }

    record Entry(long id, String network, String address, String label, Instant createdAt) {
    }
}
