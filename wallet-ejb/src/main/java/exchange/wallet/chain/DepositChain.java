package exchange.wallet.chain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One chain as the deposit scanner sees it: numbered blocks linked by hashes, each with the
 * payments it carries. Implementations talk to a node (web3j for Ethereum, bitcoind's JSON-RPC for
 * Bitcoin) and throw {@link ChainUnavailableException} when it cannot answer.
 */
public interface DepositChain {
    /**
     * Every node call is wrapped by MicroProfile Fault Tolerance: one retry of a call that failed
     * for the node's sake, a timeout, and a circuit breaker that, after three failures in four
     * calls, fails that chain's calls at once for 15 s, so a dead node stalls neither the other
     * chain's scanning nor the threads that ask. The HTTP clients give up after {@link #NODE_HTTP_TIMEOUT_MS}
     * by themselves (a thread blocked in a socket read does not heed the timeout's interrupt);
     * the Fault Tolerance timeout, a little longer, is the backstop.
     */
    long NODE_HTTP_TIMEOUT_MS = 5_000;
    long CALL_TIMEOUT_MS = NODE_HTTP_TIMEOUT_MS + 1_000;

    /** The chain family: {@code ETH} or {@code BTC}, as in {@code deposit_addresses.chain}. */
    String chain();

    long head();

    /** Only the hash of the block at a height: what each pass and a rewind compare with the stored one. */
    String hashAt(long height);

    /** The block at a height of the node's current chain. */
    Block block(long height);

    /** The form addresses are compared in (Ethereum: lower case). */
    String normalize(String address);

    record Block(long height, String hash, String parentHash, List<Payment> payments) {
    }

    /** A payment to an address: index is the output (BTC), the log index (ERC-20) or -1 (plain Ether). */
    record Payment(String txHash, int index, String address, String asset, BigDecimal amount) {
    }
}
