package exchange.wallet.deposit;

import java.math.BigInteger;
import java.util.Arrays;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.web3j.crypto.Keys;

/**
 * Deposit addresses from account-level extended public keys only: the deposit path never holds a
 * private key. BTC is BIP84 (native segwit, {@code m/84'/coin'/0'/0/i}), Ether and its tokens are
 * BIP44 ({@code m/44'/60'/0'/0/i}); the account key (the part up to {@code 0'}) is the configured xpub,
 * the rest is derived here without hardening, so the hot wallet can re-derive each private key.
 */
public final class AddressDerivation {
    private static final ChildNumber EXTERNAL_CHAIN = new ChildNumber(0, false);

    private AddressDerivation() {
    }

    /** A bech32 P2WPKH address ({@code bc1q…}, {@code tb1q…}, {@code bcrt1q…}) of the account xpub's receive chain. */
    public static String bitcoin(String accountXpub, BitcoinNetwork network, int index) {
        DeterministicKey account = publicOnly(DeterministicKey.deserializeB58(accountXpub, network));
        return receiveKey(account, index).toAddress(ScriptType.P2WPKH, network).toString();
    }

    /** An EIP-55 checksummed address of the account xpub's receive chain. */
    public static String ethereum(String accountXpub, int index) {
        // The version bytes of an Ethereum xpub are Bitcoin mainnet's; the network only parses them.
        DeterministicKey account = publicOnly(DeterministicKey.deserializeB58(accountXpub, BitcoinNetwork.MAINNET));
        byte[] uncompressed = receiveKey(account, index).decompress().getPubKey();
        BigInteger publicKey = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return Keys.toChecksumAddress(Keys.getAddress(publicKey));
    }

    /** A configured private key would put spending power on the deposit path: refused, not silently used. */
    private static DeterministicKey publicOnly(DeterministicKey account) {
        if (account.hasPrivKey()) {
            throw new IllegalArgumentException("the deposit path takes an account xpub, not a private key");
        }
        return account;
    }

    private static DeterministicKey receiveKey(DeterministicKey account, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        DeterministicKey chain = HDKeyDerivation.deriveChildKey(account, EXTERNAL_CHAIN);
        return HDKeyDerivation.deriveChildKey(chain, new ChildNumber(index, false));
    }
}
