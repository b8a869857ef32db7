package exchange.devinfra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Development secrets, made once into the work dir (never committed, never logged): the RS256
 * key pair for tokens, the first operator's password and TOTP secret, and the dev wallet's BIP39 mnemonic with
 * the account xpubs the deposit path derives addresses from (BIP84 regtest, BIP44 Ether), and
 * the hot wallets' signing keys from another account of the same mnemonic ({@code m/84'/1'/1'/0/0},
 * {@code m/44'/60'/1'/0/0}): the deposit path's account xpubs cannot derive them.
 */
final class DevKeys {
    private DevKeys() {
    }

    static void ensure(Path work) throws Exception {
        Path keys = Files.createDirectories(work.resolve("keys"));
        Path privateKey = keys.resolve("jwt-private.pem");
        if (!Files.exists(privateKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeSecret(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(keys.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        Path adminPassword = keys.resolve("admin-password");
        if (!Files.exists(adminPassword)) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            // Letters and digits only, and always at least one of each, to pass the password policy.
            writeSecret(adminPassword, "Adm1n" + Base64.getUrlEncoder().withoutPadding().encodeToString(random)
                    .replace('-', 'x').replace('_', 'y'));
        }
        Path adminTotp = keys.resolve("admin-totp");
        if (!Files.exists(adminTotp)) {
            // The first operator's TOTP secret (base32, 160 bits): admins sign in only with a second factor.
            byte[] secret = new byte[20];
            new SecureRandom().nextBytes(secret);
            writeSecret(adminTotp, com.google.common.io.BaseEncoding.base32().omitPadding().encode(secret) + "\n");
        }
        ensureWallet(keys);
        Path apiKeyMaster = keys.resolve("api-key-master");
        if (!Files.exists(apiKeyMaster)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeSecret(apiKeyMaster, Base64.getEncoder().encodeToString(key) + "\n");
        }
    }

    private static void ensureWallet(Path keys) throws Exception {
        Path mnemonicFile = keys.resolve("wallet-mnemonic");
        if (!Files.exists(mnemonicFile)) {
            byte[] entropy = new byte[32];
            new SecureRandom().nextBytes(entropy);
            writeSecret(mnemonicFile, String.join(" ", MnemonicCode.INSTANCE.toMnemonic(entropy)) + "\n");
        }
        List<String> words = List.of(Files.readString(mnemonicFile).trim().split("\\s+"));
        DeterministicKey master = HDKeyDerivation.createMasterPrivateKey(MnemonicCode.toSeed(words, ""));
        Files.writeString(keys.resolve("btc-account.xpub"),
                account(master, 84, 1).serializePubB58(BitcoinNetwork.REGTEST, ScriptType.P2WPKH) + "\n");
        Files.writeString(keys.resolve("eth-account.xpub"), account(master, 44, 60).serializePubB58(BitcoinNetwork.MAINNET) + "\n");
        ECKey btcHot = hotKey(master, 84, 1);
        writeSecret(keys.resolve("btc-hot.wif"), btcHot.getPrivateKeyAsWiF(BitcoinNetwork.REGTEST) + "\n");
        Files.writeString(keys.resolve("btc-hot.address"), btcHot.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST) + "\n");
        ECKey ethHot = hotKey(master, 44, 60);
        writeSecret(keys.resolve("eth-hot.key"), ethHot.getPrivateKeyAsHex() + "\n");
        Files.writeString(keys.resolve("eth-hot.address"), ethereumAddress(ethHot) + "\n");
    }

    /** {@code m/purpose'/coin'/1'/0/0}: account 1, apart from the deposit path's account 0. */
    private static ECKey hotKey(DeterministicKey master, int purpose, int coin) {
        DeterministicKey key = master;
        for (ChildNumber n : List.of(new ChildNumber(purpose, true), new ChildNumber(coin, true), ChildNumber.ONE_HARDENED,
                ChildNumber.ZERO, ChildNumber.ZERO)) {
            key = HDKeyDerivation.deriveChildKey(key, n);
        }
        return ECKey.fromPrivate(key.getPrivKey());
    }

    /** The last 20 bytes of keccak-256 over the uncompressed public key without its 0x04 prefix. */
    private static String ethereumAddress(ECKey key) {
        byte[] point = key.decompress().getPubKey();
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(point, 1, point.length - 1);
        byte[] hash = new byte[32];
        keccak.doFinal(hash, 0);
        return "0x" + HexFormat.of().formatHex(hash, 12, 32);
    }

    /** {@code m/purpose'/coin'/0'}: the account key whose public half is all the deposit path gets. */
    private static DeterministicKey account(DeterministicKey master, int purpose, int coin) {
        DeterministicKey key = master;
        for (ChildNumber n : List.of(new ChildNumber(purpose, true), new ChildNumber(coin, true), ChildNumber.ZERO_HARDENED)) {
            key = HDKeyDerivation.deriveChildKey(key, n);
        }
        return key;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeSecret(Path file, String content) throws Exception {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
