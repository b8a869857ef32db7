package exchange.wallet.withdraw;

import exchange.wallet.chain.BitcoinChain;
import exchange.wallet.chain.NodeTrouble;
import exchange.wallet.chain.EthereumChain;
import exchange.wallet.chain.HotKeys;
import exchange.wallet.chain.TransactionRefusedException;
import exchange.wallet.deposit.ApplyDepositAddress;
import exchange.wallet.messaging.WalletEventOutbox;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.ScriptBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Seed 3.4 (签名 → 广播): signs one approved withdrawal with the chain's hot wallet and stores the
 * signed transaction (SIGNED), then hands that stored transaction to the node (BROADCAST) and sets
 * the first confirmation check as a delayed message. Each step is its own transaction, holding
 * the withdrawal's row; signing also holds the chain's hot wallet row, so two withdrawals never
 * share an Ethereum nonce or a Bitcoin output.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SendWithdrawal {
    private static final Logger LOG = Logger.getLogger(SendWithdrawal.class.getName());
    private static final BigInteger ETHER_GAS = BigInteger.valueOf(21_000);
    /** A standard ERC-20 transfer uses about 35–52 thousand; the node charges only what is used. */
    private static final BigInteger TOKEN_GAS = BigInteger.valueOf(120_000);
    /** Virtual sizes of a P2WPKH transaction's parts. */
    private static final int TX_OVERHEAD_VB = 11;
    private static final int INPUT_VB = 68;
    private static final int OUTPUT_VB = 31;
    private static final long DUST_SATS = 546;

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @Inject
    private EthereumChain ethereum;
    @Inject
    private BitcoinChain bitcoin;
    @Inject
    private HotKeys keys;
    @EJB
    private WalletEventOutbox events;
    @EJB
    private exchange.api.wallet.WalletFreeze freezes;
    @Inject
    @ConfigProperty(name = "exchange.wallet.btc.fee-rate", defaultValue = "2")
    long fallbackFeeRate;
    @Inject
    @ConfigProperty(name = "exchange.wallet.withdraw.check-delay-ms", defaultValue = "5000")
    long checkDelayMs;

    /** Why an approved withdrawal waits: no hot key, or the hot wallet holds too little. */
    @ApplicationException(rollback = true)
    public static class CannotSignYet extends RuntimeException {
        CannotSignYet(String why) {
            super(why);
        }
    }

    /** The withdrawals of a chain in a state, in the order they were applied for. */
    public List<Long> due(String chain, String status, int max) {
        return em.createNamedQuery(Withdrawal.TO_SEND, Long.class).setParameter("chain", chain).setParameter("status", status)
                .setMaxResults(max).getResultList();
    }

    /**
     * A sent withdrawal whose timer has not fired for a long while (its message went to the
     * dead-letter queue, or the broker lost it) gets a new one: no withdrawal waits forever.
     */
    public void rearmStaleChecks(String chain, Duration stale) {
        // One locking query for both states: two in a row deadlocked with the checks (seen here).
        List<Withdrawal> quiet = em.createNamedQuery(Withdrawal.QUIET, Withdrawal.class).setParameter("chain", chain)
                .setParameter("statuses", List.of(Withdrawal.BROADCAST, Withdrawal.STUCK))
                .setParameter("before", java.time.Instant.now().minus(stale))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(50).getResultList();
        for (Withdrawal w : quiet) {
            w.touched();
            events.publish(new WithdrawalCheckDue(w.id(), w.checks()));
            LOG.warning("withdrawal " + w.id() + ": no confirmation check for " + stale + "; set a new one");
        }
    }

    /** Returns true when it signed; false when the withdrawal was no longer APPROVED, or its wallet is frozen. */
    public boolean sign(long withdrawalId) {
        Withdrawal w = em.find(Withdrawal.class, withdrawalId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !Withdrawal.APPROVED.equals(w.status())) {
            return false;
        }
        // Checked again here, under the row's lock: a wallet frozen after the approval is not paid.
        // It waits, approved (an operator may cancel it), and the others go on.
        if (freezes.frozen(w.userId())) {
            LOG.fine("withdrawal " + w.id() + " waits: the wallet of user " + w.userId() + " is frozen");
            return false;
        }
        try {
            switch (w.chain()) {
                case "ETH" -> signEthereum(w);
                case "BTC" -> signBitcoin(w);
                default -> throw new IllegalStateException("no hot wallet for chain " + w.chain());
            }
        } catch (FaultToleranceException e) {
            throw NodeTrouble.unavailable(e);
        }
        LOG.info("withdrawal " + w.id() + " signed: " + w.txHash());
        return true;
    }

    /**
     * Sends the stored transaction. A refusal leaves it STUCK, watched by the confirmation checks:
     * an earlier send whose answer was lost may have reached the network, so it is not re-approvable.
     */
    public void broadcast(long withdrawalId) {
        Withdrawal w = em.find(Withdrawal.class, withdrawalId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !Withdrawal.SIGNED.equals(w.status())) {
            return;
        }
        try {
            ("BTC".equals(w.chain()) ? bitcoin : ethereum).broadcast(w.rawTx(), w.txHash());
        } catch (TransactionRefusedException e) {
            LOG.warning("withdrawal " + w.id() + " stuck: " + e.getMessage());
            w.stuck(e.getMessage());
            events.publish(new WithdrawalCheckDue(w.id(), w.checks()), Duration.ofMillis(checkDelayMs));
            return;
        } catch (FaultToleranceException e) {
            throw NodeTrouble.unavailable(e);
        }
        w.broadcast();
        events.publish(new WithdrawalCheckDue(w.id(), w.checks()), Duration.ofMillis(checkDelayMs));
        LOG.info("withdrawal " + w.id() + " broadcast: " + w.txHash());
    }

    private void signEthereum(Withdrawal w) {
        Credentials hot = keys.ethereum().orElseThrow(() -> new CannotSignYet("no Ethereum hot key configured"));
        String from = hot.getAddress();
        lockHotWallet("ETH", from);
        // The node counts what it has; every nonce a withdrawal on its way holds on this chain
        // (signed, sent, stuck, or lost by the node) comes on top: a nonce is never given to two
        // withdrawals, so a lost transaction re-sent later cannot find its nonce taken by a newer
        // one of ours. "This chain" is its genesis block: a dev chain restarted under the same
        // database is another chain, whose nonces start again.
        String genesis = ethereum.genesis();
        BigInteger nonce = ethereum.pendingNonce(from);
        Object held = em.createQuery("SELECT MAX(w.nonce) FROM Withdrawal w WHERE w.chain = 'ETH' AND w.nonce IS NOT NULL"
                + " AND w.chainGenesis = :genesis AND w.status IN ('SIGNED', 'BROADCAST', 'STUCK')")
                .setParameter("genesis", genesis).getSingleResult();
        if (held != null && BigInteger.valueOf(((Number) held).longValue() + 1).compareTo(nonce) > 0) {
            nonce = BigInteger.valueOf(((Number) held).longValue() + 1);
        }
        BigInteger gasPrice = ethereum.gasPrice();
        RawTransaction raw;
        BigDecimal etherNeeded;
        var token = ethereum.token(w.asset());
        if (token.isPresent()) {
            BigInteger units = w.amount().movePointRight(token.get().decimals()).toBigIntegerExact();
            if (ethereum.tokenBalance(token.get(), from).compareTo(w.amount()) < 0) {
                throw new CannotSignYet("the Ethereum hot wallet holds less " + w.asset() + " than withdrawal " + w.id() + " sends");
            }
            String data = FunctionEncoder.encode(new Function("transfer",
                    List.of(new org.web3j.abi.datatypes.Address(w.address()), new Uint256(units)), List.of()));
            raw = RawTransaction.createTransaction(nonce, gasPrice, TOKEN_GAS, token.get().contract(), BigInteger.ZERO, data);
            etherNeeded = BigDecimal.ZERO;
        } else {
            raw = RawTransaction.createEtherTransaction(nonce, gasPrice, ETHER_GAS, w.address(),
                    w.amount().movePointRight(18).toBigIntegerExact());
            etherNeeded = w.amount();
        }
        BigDecimal gas = new BigDecimal(raw.getGasPrice().multiply(raw.getGasLimit())).movePointLeft(18);
        if (ethereum.etherBalance(from).compareTo(etherNeeded.add(gas)) < 0) {
            throw new CannotSignYet("the Ethereum hot wallet holds too little Ether for withdrawal " + w.id());
        }
        String transaction = Numeric.toHexString(TransactionEncoder.signMessage(raw, ethereum.chainId(), hot));
        w.signed(Hash.sha3(transaction), transaction, nonce.longValueExact(), genesis);
    }

    /** Oldest confirmed outputs first, until they cover amount and fee; the change returns to the hot wallet. */
    private void signBitcoin(Withdrawal w) {
        BitcoinNetwork network = ApplyDepositAddress.bitcoinNetwork();
        ECKey hot = keys.bitcoin(network).orElseThrow(() -> new CannotSignYet("no Bitcoin hot key configured"));
        Address change = hot.toAddress(org.bitcoinj.base.ScriptType.P2WPKH, network);
        lockHotWallet("BTC", change.toString());
        long feeRate = bitcoin.estimatedFeeRate(6).orElse(fallbackFeeRate);
        long amount = w.amount().movePointRight(8).longValueExact();
        List<Object[]> chosen = new ArrayList<>();
        long in = 0;
        long fee = 0;
        for (Object row : em.createNativeQuery("SELECT tx_hash, output_index, amount FROM exchange_wallet.hot_wallet_outputs"
                + " WHERE chain = 'BTC' AND status = 'UNSPENT' AND block_height IS NOT NULL ORDER BY block_height, tx_hash, output_index")
                .getResultList()) {
            Object[] r = (Object[]) row;
            // The table can be behind the chain (a node that restarted on another chain, a spend we
            // did not see): spend only what the node itself holds unspent, and forget the rest.
            if (!bitcoin.unspent((String) r[0], ((Number) r[1]).longValue())) {
                LOG.warning("Bitcoin hot output " + r[0] + ":" + r[1] + " is not unspent on the node: no longer offered");
                em.createNativeQuery("UPDATE exchange_wallet.hot_wallet_outputs SET status = 'SPENT'"
                        + " WHERE chain = 'BTC' AND tx_hash = ?1 AND output_index = ?2").setParameter(1, r[0]).setParameter(2, r[1])
                        .executeUpdate();
                continue;
            }
            chosen.add(r);
            in += ((BigDecimal) r[2]).movePointRight(8).longValueExact();
            fee = feeRate * (TX_OVERHEAD_VB + INPUT_VB * chosen.size() + OUTPUT_VB * 2);
            if (in >= amount + fee) {
                break;
            }
        }
        if (in < amount + fee) {
            throw new CannotSignYet("the Bitcoin hot wallet's confirmed outputs do not cover withdrawal " + w.id());
        }
        Transaction tx = new Transaction();
        tx.addOutput(Coin.valueOf(amount), AddressParser.getDefault(network).parseAddress(w.address()));
        long rest = in - amount - fee;
        if (rest >= DUST_SATS) {
            tx.addOutput(Coin.valueOf(rest), change);
        }
        for (Object[] r : chosen) {
            tx.addInput(Sha256Hash.wrap((String) r[0]), ((Number) r[1]).longValue(), ScriptBuilder.createEmpty());
        }
        // Signed once every input is in: a BIP143 signature covers all of them.
        for (int i = 0; i < chosen.size(); i++) {
            Coin value = Coin.valueOf(((BigDecimal) chosen.get(i)[2]).movePointRight(8).longValueExact());
            TransactionSignature signature = tx.calculateWitnessSignature(i, hot, ScriptBuilder.createP2PKHOutputScript(hot),
                    value, Transaction.SigHash.ALL, false);
            TransactionInput input = tx.getInput(i);
            tx.replaceInput(i, input.withScriptBytes(new byte[0]).withWitness(TransactionWitness.redeemP2WPKH(signature, hot)));
        }
        for (Object[] r : chosen) {
            em.createNativeQuery("UPDATE exchange_wallet.hot_wallet_outputs SET status = 'RESERVED', withdrawal_id = ?1"
                    + " WHERE chain = 'BTC' AND tx_hash = ?2 AND output_index = ?3").setParameter(1, w.id())
                    .setParameter(2, r[0]).setParameter(3, r[1]).executeUpdate();
        }
        w.signed(tx.getTxId().toString(), Numeric.toHexStringNoPrefix(tx.serialize()), null);
    }

    /** Holds the chain's hot wallet row until commit (made on first use). */
    private void lockHotWallet(String chain, String address) {
        em.createNativeQuery("INSERT IGNORE INTO exchange_wallet.hot_wallets (chain, address, updated_at) VALUES (?1, ?2, NOW(6))")
                .setParameter(1, chain).setParameter(2, address).executeUpdate();
        em.createNativeQuery("UPDATE exchange_wallet.hot_wallets SET address = ?2, updated_at = NOW(6) WHERE chain = ?1")
                .setParameter(1, chain).setParameter(2, address).executeUpdate();
    }
}
