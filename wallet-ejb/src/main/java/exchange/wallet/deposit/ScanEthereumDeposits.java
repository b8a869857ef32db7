package exchange.wallet.deposit;

import exchange.api.event.DepositConfirmed;
import exchange.wallet.chain.EthereumNode;
import exchange.wallet.ledger.Ledger;
import exchange.wallet.ledger.Leg;
import exchange.wallet.ledger.SystemAccounts;
import exchange.wallet.messaging.WalletEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seed 3.2 (链上充值): one pass of the Ethereum deposit scanner, in one transaction that holds the
 * chain's cursor row, so two nodes of a cluster never scan the same blocks at once. It follows the
 * chain from the last processed block, notices a reorg by the stored block hash no longer being the
 * node's, records payments to deposit addresses (Ether and the configured ERC-20 tokens) as pending,
 * and credits each exactly once when it has the asset's confirmations.
 */
@Stateless
public class ScanEthereumDeposits {
    private static final Logger LOG = Logger.getLogger(ScanEthereumDeposits.class.getName());
    private static final String CHAIN = "ETH";
    private static final int MAX_BLOCKS_PER_PASS = 500;
    private static final int BLOCKS_KEPT = 256;
    private static final BigDecimal WEI_PER_ETHER = BigDecimal.TEN.pow(18);

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @Inject
    private EthereumNode node;
    @EJB
    private Ledger ledger;
    @EJB
    private WalletEventOutbox events;

    /** Configured tokens: contract (lower case) → asset and decimals. */
    record Token(String asset, int decimals) {
    }

    /** Returns the height the scanner has processed up to. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long scanOnce() {
        Object[] cursor = (Object[]) em.createNativeQuery(
                "SELECT height, block_hash FROM exchange_wallet.chain_cursors WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, CHAIN).getSingleResult();
        long height = ((Number) cursor[0]).longValue();
        String hash = (String) cursor[1];
        long head = node.head();
        if (height >= 0 && (height > head || !node.block(height).hash().equals(hash))) {
            height = rewind(height, head);
            hash = height < 0 ? null : storedHash(height);
        }
        long from = height + 1;
        long to = Math.min(head, height + MAX_BLOCKS_PER_PASS);
        Map<String, Long> owners = owners();
        Map<String, Token> tokens = tokens();
        Map<Long, String> hashes = new HashMap<>();
        for (long n = from; n <= to; n++) {
            EthereumNode.Block block = node.block(n);
            if (hash != null && !block.parentHash().equals(hash)) {
                break; // the chain changed under this pass: the next one rewinds
            }
            em.createNativeQuery("REPLACE INTO exchange_wallet.chain_blocks (chain, height, block_hash) VALUES (?1, ?2, ?3)")
                    .setParameter(1, CHAIN).setParameter(2, n).setParameter(3, block.hash()).executeUpdate();
            for (EthereumNode.Payment p : block.payments()) {
                Long owner = owners.get(p.to());
                if (owner != null) {
                    record(owner, network("ETH"), p.txHash(), -1, p.to(), new BigDecimal(p.value()).divide(WEI_PER_ETHER), n, block.hash());
                }
            }
            hashes.put(n, block.hash());
            height = n;
            hash = block.hash();
        }
        if (height >= from) {
            for (EthereumNode.TokenTransfer t : node.tokenTransfers(from, height, tokens.keySet())) {
                Long owner = owners.get(t.to());
                Token token = tokens.get(t.contract());
                if (owner != null && token != null && t.blockHash().equals(hashes.get(t.height()))) {
                    record(owner, network(token.asset()), t.txHash(), t.logIndex(), t.to(),
                            new BigDecimal(t.value()).movePointLeft(token.decimals()), t.height(), t.blockHash());
                }
            }
        }
        em.createNativeQuery("UPDATE exchange_wallet.chain_cursors SET height = ?2, block_hash = ?3, updated_at = NOW(6) WHERE chain = ?1")
                .setParameter(1, CHAIN).setParameter(2, height).setParameter(3, hash).executeUpdate();
        em.createNativeQuery("DELETE FROM exchange_wallet.chain_blocks WHERE chain = ?1 AND height < ?2")
                .setParameter(1, CHAIN).setParameter(2, height - BLOCKS_KEPT).executeUpdate();
        confirm(height);
        return height;
    }

    /**
     * Walks back through the stored block hashes to the highest block the node still has, and
     * drops what was seen above it. A credited deposit whose block left the chain was reorganised
     * deeper than its confirmations: it stays credited and is reported, for an operator to settle.
     */
    private long rewind(long height, long head) {
        long fork = -1;
        for (long h = Math.min(height, head); h >= 0; h--) {
            String stored = storedHash(h);
            if (stored == null) {
                break; // older than the kept window: rescan from there; recording is idempotent
            }
            if (stored.equals(node.block(h).hash())) {
                fork = h;
                break;
            }
        }
        for (Deposit d : em.createNamedQuery(Deposit.ABOVE, Deposit.class).setParameter("chain", CHAIN)
                .setParameter("height", fork).getResultList()) {
            if ("CREDITED".equals(d.status())) {
                LOG.severe("ETH reorg deeper than the confirmations of credited deposit " + d.id() + " (" + d.txHash() + ")");
            } else {
                d.dropped();
            }
        }
        em.createNativeQuery("DELETE FROM exchange_wallet.chain_blocks WHERE chain = ?1 AND height > ?2")
                .setParameter(1, CHAIN).setParameter(2, fork).executeUpdate();
        LOG.warning("ETH reorg: rewound the deposit scanner from height " + height + " to " + fork);
        return fork;
    }

    private void record(long userId, AssetNetwork where, String txHash, int index, String address, BigDecimal amount,
                        long height, String blockHash) {
        List<Deposit> seen = em.createNamedQuery(Deposit.BY_OUTPUT, Deposit.class).setParameter("chain", CHAIN)
                .setParameter("tx", txHash).setParameter("index", index).getResultList();
        if (seen.isEmpty()) {
            em.persist(new Deposit(userId, where, txHash, index, address, amount, height, blockHash));
        } else {
            seen.get(0).reappeared(height, blockHash, where);
        }
    }

    /** Pending deposits get their confirmation count; those with enough are credited, once. */
    private void confirm(long height) {
        for (Deposit d : em.createNamedQuery(Deposit.PENDING, Deposit.class).setParameter("chain", CHAIN).getResultList()) {
            int confirmations = (int) Math.max(0, height - d.blockHeight() + 1);
            d.confirmedBy(confirmations);
            AssetNetwork where = em.find(AssetNetwork.class, new AssetNetwork.Key(d.asset(), d.network()));
            if (confirmations >= where.confirmations()) {
                // The deposit row is unique per (chain, transaction, output): its id keys the posting.
                ledger.post("DEPOSIT", Long.toString(d.id()), List.of(
                        new Leg(d.userId(), d.asset(), d.amount(), BigDecimal.ZERO),
                        new Leg(SystemAccounts.DEPOSITS, d.asset(), d.amount().negate(), BigDecimal.ZERO)));
                d.credited();
                events.publish(new DepositConfirmed(d.id(), d.userId(), d.asset(), d.network(), d.txHash(), d.outputIndex(),
                        d.amount(), d.blockHeight(), confirmations));
            }
        }
    }

    private String storedHash(long height) {
        List<?> rows = em.createNativeQuery("SELECT block_hash FROM exchange_wallet.chain_blocks WHERE chain = ?1 AND height = ?2")
                .setParameter(1, CHAIN).setParameter(2, height).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private Map<String, Long> owners() {
        Map<String, Long> owners = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT address, user_id FROM exchange_wallet.deposit_addresses WHERE chain = ?1")
                .setParameter(1, CHAIN).getResultList()) {
            Object[] r = (Object[]) row;
            owners.put(((String) r[0]).toLowerCase(Locale.ROOT), ((Number) r[1]).longValue());
        }
        return owners;
    }

    private AssetNetwork network(String asset) {
        return em.find(AssetNetwork.class, new AssetNetwork.Key(asset, CHAIN));
    }

    /** {@code exchange.wallet.eth.tokens}: {@code ASSET:contract:decimals}, comma separated. */
    static Map<String, Token> tokens() {
        Map<String, Token> tokens = new HashMap<>();
        String config = ConfigProvider.getConfig().getOptionalValue("exchange.wallet.eth.tokens", String.class).orElse("");
        for (String entry : config.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalStateException("exchange.wallet.eth.tokens: expected ASSET:contract:decimals, got " + entry);
            }
            tokens.put(parts[1].toLowerCase(Locale.ROOT), new Token(parts[0].toUpperCase(Locale.ROOT), Integer.parseInt(parts[2])));
        }
        return tokens;
    }
}
