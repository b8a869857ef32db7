package exchange.wallet.deposit;

import exchange.api.engine.EngineGateway;
import exchange.api.event.DepositConfirmed;
import exchange.wallet.chain.DepositChain;
import exchange.wallet.chain.NodeTrouble;
import exchange.wallet.chain.HotKeys;
import exchange.wallet.messaging.WalletEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Seed 3.2 (链上充值): one pass of a chain's deposit scanner, in one transaction that holds the
 * chain's cursor row, so two nodes of a cluster never scan the same blocks at once. It follows the
 * chain from the last processed block, notices a reorg by the stored block hash no longer being the
 * node's, records payments to deposit addresses as pending, and credits each exactly once when it
 * has its asset's confirmations.
 */
@Stateless
public class ScanDeposits {
    private static final Logger LOG = Logger.getLogger(ScanDeposits.class.getName());
    // Short passes keep the cursor's and chain_blocks' locks short.
    private static final int MAX_BLOCKS_PER_PASS = 50;
    private static final int BLOCKS_KEPT = 256;
    /** The decimals the matching engine keeps. */
    private static final int ENGINE_SCALE = 10;

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "exchange.wallet.btc.hot-output-min", defaultValue = "0.0001")
    java.math.BigDecimal hotOutputMin;
    @EJB
    private EngineGateway gateway;
    @EJB
    private WalletEventOutbox events;
    @jakarta.inject.Inject
    private HotKeys hotKeys;

    /** Returns the height the scanner has processed up to. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long scanOnce(DepositChain node) {
        try {
            return scan(node);
        } catch (FaultToleranceException e) {
            throw NodeTrouble.unavailable(e);
        }
    }

    private long scan(DepositChain node) {
        String chain = node.chain();
        Object[] cursor = (Object[]) em.createNativeQuery(
                "SELECT height, block_hash FROM exchange_wallet.chain_cursors WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, chain).getSingleResult();
        long height = ((Number) cursor[0]).longValue();
        String hash = (String) cursor[1];
        long head = node.head();
        if (height >= 0 && (height > head || !node.hashAt(height).equals(hash))) {
            height = rewind(node, height, head);
            hash = height < 0 ? null : storedHash(chain, height);
        }
        long to = Math.min(head, height + MAX_BLOCKS_PER_PASS);
        Map<String, Long> owners = owners(node);
        // Bitcoin's hot wallet is paid in outputs the withdrawal path spends: this scan keeps their list.
        String hotWallet = "BTC".equals(chain)
                ? hotKeys.address(chain, ApplyDepositAddress.bitcoinNetwork()).map(node::normalize).orElse(null) : null;
        for (long n = height + 1; n <= to; n++) {
            DepositChain.Block block = node.block(n);
            if (hash != null && !hash.equals(block.parentHash())) {
                break; // the chain changed under this pass: the next one rewinds
            }
            em.createNativeQuery("REPLACE INTO exchange_wallet.chain_blocks (chain, height, block_hash) VALUES (?1, ?2, ?3)")
                    .setParameter(1, chain).setParameter(2, n).setParameter(3, block.hash()).executeUpdate();
            for (DepositChain.Payment p : block.payments()) {
                if (hotWallet != null && hotWallet.equals(node.normalize(p.address()))) {
                    recordHotOutput(chain, p, n);
                    continue;
                }
                Long owner = owners.get(node.normalize(p.address()));
                AssetNetwork where = owner == null ? null : em.find(AssetNetwork.class, new AssetNetwork.Key(p.asset(), chain));
                if (where != null) {
                    record(owner, where, p, n, block.hash());
                }
            }
            height = n;
            hash = block.hash();
        }
        em.createNativeQuery("UPDATE exchange_wallet.chain_cursors SET height = ?2, block_hash = ?3, updated_at = NOW(6) WHERE chain = ?1")
                .setParameter(1, chain).setParameter(2, height).setParameter(3, hash).executeUpdate();
        em.createNativeQuery("DELETE FROM exchange_wallet.chain_blocks WHERE chain = ?1 AND height < ?2")
                .setParameter(1, chain).setParameter(2, height - BLOCKS_KEPT).executeUpdate();
        confirm(chain, height);
        return height;
    }

    /**
     * Walks back through the stored block hashes to the highest block the node still has, and
     * drops what was seen above it. A credited deposit whose block left the chain was reorganised
     * deeper than its confirmations: it stays credited and is reported, for an operator to settle.
     */
    private long rewind(DepositChain node, long height, long head) {
        String chain = node.chain();
        long fork = -1;
        for (long h = Math.min(height, head); h >= 0; h--) {
            String stored = storedHash(chain, h);
            if (stored == null) {
                break; // older than the kept window: rescan from there; recording is idempotent
            }
            if (stored.equals(node.hashAt(h))) {
                fork = h;
                break;
            }
        }
        for (Deposit d : em.createNamedQuery(Deposit.ABOVE, Deposit.class).setParameter("chain", chain)
                .setParameter("height", fork).getResultList()) {
            if ("CREDITED".equals(d.status())) {
                LOG.severe(chain + " reorg deeper than the confirmations of credited deposit " + d.id() + " (" + d.txHash() + ")");
            } else {
                d.dropped();
            }
        }
        em.createNativeQuery("DELETE FROM exchange_wallet.chain_blocks WHERE chain = ?1 AND height > ?2")
                .setParameter(1, chain).setParameter(2, fork).executeUpdate();
        // Hot wallet outputs of dropped blocks are not spendable until a block carries them again.
        em.createNativeQuery("DELETE FROM exchange_wallet.hot_wallet_outputs WHERE chain = ?1 AND block_height > ?2 AND status = 'UNSPENT'")
                .setParameter(1, chain).setParameter(2, fork).executeUpdate();
        LOG.warning(chain + " reorg: rewound the deposit scanner from height " + height + " to " + fork);
        return fork;
    }

    /**
     * Seen again in another block after a reorg: the new height; spent or reserved ones keep their
     * state. Dust anyone sends to the hot address is not kept (below
     * {@code exchange.wallet.btc.hot-output-min}): as inputs, such outputs cost more in fee than they
     * bring, and a flood of them would make every withdrawal large and slow. Our own withdrawals'
     * change is kept whatever its size.
     */
    private void recordHotOutput(String chain, DepositChain.Payment p, long height) {
        if (p.amount().compareTo(hotOutputMin) < 0 && ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM exchange_wallet.withdrawals WHERE chain = ?1 AND tx_hash = ?2")
                .setParameter(1, chain).setParameter(2, p.txHash()).getSingleResult()).longValue() == 0) {
            LOG.info(chain + " hot wallet output " + p.txHash() + ":" + p.index() + " of " + p.amount().toPlainString()
                    + " is below " + hotOutputMin.toPlainString() + ": ignored as dust");
            return;
        }
        em.createNativeQuery("INSERT INTO exchange_wallet.hot_wallet_outputs (chain, tx_hash, output_index, amount, block_height, status)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, 'UNSPENT') ON DUPLICATE KEY UPDATE block_height = VALUES(block_height)")
                .setParameter(1, chain).setParameter(2, p.txHash()).setParameter(3, p.index()).setParameter(4, p.amount())
                .setParameter(5, height).executeUpdate();
    }

    private void record(long userId, AssetNetwork where, DepositChain.Payment p, long height, String blockHash) {
        List<Deposit> seen = em.createNamedQuery(Deposit.BY_OUTPUT, Deposit.class).setParameter("chain", where.chain())
                .setParameter("tx", p.txHash()).setParameter("index", p.index()).getResultList();
        if (seen.isEmpty()) {
            em.persist(new Deposit(userId, where, p.txHash(), p.index(), p.address(), p.amount(), height, blockHash));
        } else {
            seen.get(0).reappeared(height, blockHash, where);
        }
    }

    /** Pending deposits get their confirmation count; those with enough are credited, once. */
    private void confirm(String chain, long height) {
        for (Deposit d : em.createNamedQuery(Deposit.PENDING, Deposit.class).setParameter("chain", chain).getResultList()) {
            int confirmations = (int) Math.max(0, height - d.blockHeight() + 1);
            d.confirmedBy(confirmations);
            AssetNetwork where = em.find(AssetNetwork.class, new AssetNetwork.Key(d.asset(), d.network()));
            if (confirmations >= where.confirmations()) {
                // The deposit row is unique per (chain, transaction, output): its id keys the credit,
                // so crediting again after a rollback here changes nothing at the engine.
                // The engine keeps 10 decimals: finer dust (ETH has 18) stays on chain, unclaimed.
                BigDecimal credit = d.amount().setScale(ENGINE_SCALE, RoundingMode.DOWN);
                if (credit.signum() > 0) {
                    gateway.deposit(d.id(), d.userId(), d.asset(), credit);
                }
                d.credited();
                events.publish(new DepositConfirmed(d.id(), d.userId(), d.asset(), d.network(), d.txHash(), d.outputIndex(),
                        d.amount(), d.blockHeight(), confirmations));
            }
        }
    }

    private String storedHash(String chain, long height) {
        List<?> rows = em.createNativeQuery("SELECT block_hash FROM exchange_wallet.chain_blocks WHERE chain = ?1 AND height = ?2")
                .setParameter(1, chain).setParameter(2, height).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private Map<String, Long> owners(DepositChain node) {
        Map<String, Long> owners = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT address, user_id FROM exchange_wallet.deposit_addresses WHERE chain = ?1")
                .setParameter(1, node.chain()).getResultList()) {
            Object[] r = (Object[]) row;
            owners.put(node.normalize((String) r[0]), ((Number) r[1]).longValue());
        }
        return owners;
    }
}
