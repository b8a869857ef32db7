package exchange.wallet.chain;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/** What the deposit scanner needs from an Ethereum node; one implementation per client library. */
public interface EthereumNode {
    long head();

    /** The block at a height of the node's current chain, with its value transfers. */
    Block block(long height);

    /** ERC-20 {@code Transfer} logs of the given contracts in a height range, in chain order. */
    List<TokenTransfer> tokenTransfers(long fromHeight, long toHeight, Collection<String> contracts);

    record Block(long height, String hash, String parentHash, List<Payment> payments) {
    }

    /** A native value transfer: to is lower case, value in wei. */
    record Payment(String txHash, String to, BigInteger value) {
    }

    /** One {@code Transfer} log: contract and to are lower case, value in the token's smallest unit. */
    record TokenTransfer(long height, String blockHash, String txHash, int logIndex, String contract, String to, BigInteger value) {
    }
}
