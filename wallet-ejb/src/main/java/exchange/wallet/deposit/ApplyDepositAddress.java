package exchange.wallet.deposit;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.wallet.DepositAddresses;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import org.bitcoinj.base.BitcoinNetwork;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seed 3.2 (生成充值地址): hands a user the deposit address of a chain family, deriving it once
 * from the configured account xpub at the next free index and storing it, so every later call
 * (and the deposit scanner) sees the same address. Tokens share their chain's address.
 */
@Stateless
public class ApplyDepositAddress implements DepositAddresses {
    @PersistenceContext(unitName = "wallet")
    private EntityManager em;

    @Override
    public DepositAddressView apply(long userId, String asset, String network) {
        AssetNetwork where = AssetNetwork.resolve(em, asset, network);
        DepositAddress address = em.createNamedQuery(DepositAddress.OF_USER, DepositAddress.class)
                .setParameter("userId", userId).setParameter("chain", where.chain())
                .getResultList().stream().findFirst()
                .orElseGet(() -> derive(userId, where.chain()));
        return new DepositAddressView(where.asset(), where.network(), address.address(), where.confirmations());
    }

    /**
     * Takes the chain's next index under a row lock (so two users never share one) and stores the
     * address in the same transaction. Two first calls of one user race on the unique (user, chain)
     * key: one rolls back with a 5xx and the retry finds the stored address.
     */
    private DepositAddress derive(long userId, String chain) {
        String xpub = accountXpub(chain);
        Number next = (Number) em.createNativeQuery(
                        "SELECT next_index FROM exchange_wallet.deposit_address_counters WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, chain).getSingleResult();
        int index = next.intValue();
        em.createNativeQuery("UPDATE exchange_wallet.deposit_address_counters SET next_index = next_index + 1 WHERE chain = ?1")
                .setParameter(1, chain).executeUpdate();
        String address = switch (chain) {
            case "BTC" -> AddressDerivation.bitcoin(xpub, bitcoinNetwork(), index);
            case "ETH" -> AddressDerivation.ethereum(xpub, index);
            default -> throw new IllegalStateException("no address scheme for chain " + chain);
        };
        DepositAddress stored = new DepositAddress(userId, chain, index, address);
        em.persist(stored);
        return stored;
    }

    private static String accountXpub(String chain) {
        Config config = ConfigProvider.getConfig();
        Optional<String> xpub = config.getOptionalValue("exchange.wallet." + chain.toLowerCase(Locale.ROOT) + ".account-xpub",
                String.class);
        return xpub.filter(x -> !x.isBlank()).orElseThrow(() -> new BusinessException(ErrorCode.DEPOSITS_UNAVAILABLE,
                "Deposits on " + chain + " are not set up on this exchange."));
    }

    /** {@code mainnet}, {@code testnet}, {@code signet} or {@code regtest}. */
    public static BitcoinNetwork bitcoinNetwork() {
        String name = ConfigProvider.getConfig().getOptionalValue("exchange.wallet.btc.network", String.class).orElse("regtest");
        return BitcoinNetwork.fromString(name).orElseThrow(() -> new IllegalStateException("unknown bitcoin network " + name));
    }
}
