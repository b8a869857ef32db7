package exchange.wallet.chain;

import exchange.api.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bitcoinj.base.Network;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.DumpedPrivateKey;
import org.bitcoinj.crypto.ECKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

/**
 * The hot wallets' signing keys, from the environment or a key file, never from the database and
 * never logged: {@code exchange.wallet.btc.hot-key} (WIF) or {@code .hot-key-file} (a file holding
 * it); {@code exchange.wallet.eth.hot-key} (hex) or {@code .hot-key-file} (hex, or an Ethereum V3
 * keystore JSON opened with {@code .hot-key-password}). Without a key, that chain's withdrawals
 * wait, approved, until one is configured.
 */
@ApplicationScoped
public class HotKeys {
    @Inject
    @ConfigProperty(name = "exchange.wallet.btc.hot-key")
    Optional<String> btcKey;
    @Inject
    @ConfigProperty(name = "exchange.wallet.btc.hot-key-file")
    Optional<String> btcKeyFile;
    @Inject
    @ConfigProperty(name = "exchange.wallet.eth.hot-key")
    Optional<String> ethKey;
    @Inject
    @ConfigProperty(name = "exchange.wallet.eth.hot-key-file")
    Optional<String> ethKeyFile;
    @Inject
    @ConfigProperty(name = "exchange.wallet.eth.hot-key-password")
    Optional<String> ethKeyPassword;

    private volatile ECKey bitcoin;
    private volatile Credentials ethereum;

    /** Empty when no Bitcoin hot key is configured. */
    public Optional<ECKey> bitcoin(Network network) {
        if (bitcoin == null) {
            Secrets.valueOrFile(btcKey, btcKeyFile).ifPresent(wif -> bitcoin = DumpedPrivateKey.fromBase58(network, wif).getKey());
        }
        return Optional.ofNullable(bitcoin);
    }

    /** Empty when no Ethereum hot key is configured. */
    public Optional<Credentials> ethereum() {
        if (ethereum == null) {
            Optional<String> file = ethKeyFile.filter(f -> !f.isBlank());
            if (ethKey.filter(k -> !k.isBlank()).isEmpty() && file.isPresent() && isKeystore(Path.of(file.get()))) {
                try {
                    ethereum = WalletUtils.loadCredentials(ethKeyPassword.orElse(""), file.get());
                } catch (Exception e) {
                    // The exception text could carry key material: say only what failed.
                    throw new IllegalStateException("exchange.wallet.eth.hot-key-file: the keystore could not be opened");
                }
            } else {
                Secrets.valueOrFile(ethKey, ethKeyFile).ifPresent(hex -> ethereum = Credentials.create(hex));
            }
        }
        return Optional.ofNullable(ethereum);
    }

    /** The hot wallet's address on a chain family, as the deposit scanner and the console know it; empty without a key. */
    public Optional<String> address(String chain, Network bitcoinNetwork) {
        return switch (chain) {
            case "BTC" -> bitcoin(bitcoinNetwork).map(k -> k.toAddress(ScriptType.P2WPKH, bitcoinNetwork).toString());
            case "ETH" -> ethereum().map(c -> Keys.toChecksumAddress(c.getAddress()));
            default -> Optional.empty();
        };
    }

    private static boolean isKeystore(Path file) {
        try {
            return Files.readString(file).trim().startsWith("{");
        } catch (IOException e) {
            return false;
        }
    }
}
