package exchange.wallet.chain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One chain as the deposit scanner sees it: numbered blocks linked by hashes, each with the
 * payments it carries. Implementations talk to a node (web3j for Ethereum, bitcoind's JSON-RPC for
 * Bitcoin) and throw {@link ChainUnavailableException} when it cannot answer.
 */
public interface DepositChain {
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
