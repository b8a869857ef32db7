package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

/**
 * Seed 3.2, 生成充值地址: each user gets one stable address per chain family, the real nodes accept
 * it, and the hot wallet's mnemonic (which the exchange keeps away from the deposit path) holds the
 * key behind it at the index the wallet stored.
 */
class DepositAddressIT {
    @Test
    void oneStableAddressPerUserAndChainThatTheWalletKeysCanSpend() throws Exception {
        Users.Trader alice = Users.register("deposit-a");
        Users.Trader bob = Users.register("deposit-b");

        JsonObject btc = apply(alice, "{\"asset\":\"BTC\"}");
        assertEquals("BTC", btc.getString("network"));
        assertEquals(2, btc.getInt("confirmations"));
        String btcAddress = btc.getString("address");
        assertTrue(btcAddress.startsWith("bcrt1q"), btcAddress);
        assertEquals(btcAddress, apply(alice, "{\"asset\":\"btc\",\"network\":\"BTC\"}").getString("address"), "the same on every call");
        assertTrue(ChainRpc.bitcoin("validateaddress", btcAddress).asJsonObject().getBoolean("isvalid"),
                "the regtest node accepts the address");

        String ethAddress = apply(alice, "{\"asset\":\"ETH\"}").getString("address");
        JsonObject usdt = apply(alice, "{\"asset\":\"USDT\",\"network\":\"ETH\"}");
        assertEquals(ethAddress, usdt.getString("address"), "an ERC-20 token shares its chain's address");
        assertEquals(Keys.toChecksumAddress(ethAddress), ethAddress, "EIP-55 checksummed");

        assertNotEquals(btcAddress, apply(bob, "{\"asset\":\"BTC\"}").getString("address"));
        assertNotEquals(ethAddress, apply(bob, "{\"asset\":\"ETH\"}").getString("address"));

        // The wallet's keys behind the stored index: what the hot wallet will sign sweeps and refunds with.
        DeterministicKey btcKey = walletKey(84, 1, index(alice, "BTC"));
        assertEquals(btcAddress, btcKey.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString());
        byte[] pub = walletKey(44, 60, index(alice, "ETH")).decompress().getPubKey();
        assertEquals(ethAddress, Keys.toChecksumAddress(Keys.getAddress(new BigInteger(1, Arrays.copyOfRange(pub, 1, pub.length)))));

        // And the Ethereum node takes a payment to it.
        String from = ChainRpc.ethereum("eth_accounts").asJsonArray().getString(0);
        ChainRpc.ethereum("eth_sendTransaction", jakarta.json.Json.createObjectBuilder().add("from", from).add("to", ethAddress)
                .add("value", "0xde0b6b3a7640000").add("gas", "0x5208").build());
        assertEquals("0xde0b6b3a7640000", ChainRpc.ethereum("eth_getBalance", ethAddress, "latest").toString().replace("\"", ""));
    }

    @Test
    void badRequestsAreRefusedAndStoreNothing() {
        Users.Trader carol = Users.register("deposit-c");
        assertError(400, "UNKNOWN_ASSET", Api.post("/api/wallet/recharge/apply", "{\"asset\":\"DOGE\"}", carol.token()));
        assertError(400, "UNKNOWN_NETWORK", Api.post("/api/wallet/recharge/apply", "{\"asset\":\"USDT\",\"network\":\"BTC\"}", carol.token()));
        assertError(400, "UNKNOWN_ASSET", Api.post("/api/wallet/recharge/apply", "{}", carol.token()));
        assertEquals(401, Api.post("/api/wallet/recharge/apply", "{\"asset\":\"BTC\"}").status());
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.deposit_addresses WHERE user_id = ?", carol.id()));
    }

    private static JsonObject apply(Users.Trader trader, String body) {
        Api.Reply reply = Api.post("/api/wallet/recharge/apply", body, trader.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static int index(Users.Trader trader, String chain) {
        return Integer.parseInt(Db.string("SELECT address_index FROM exchange_wallet.deposit_addresses WHERE user_id = ? AND chain = ?",
                trader.id(), chain));
    }

    private static DeterministicKey walletKey(int purpose, int coin, int index) throws Exception {
        List<String> words = List.of(Files.readString(Users.work().resolve("keys/wallet-mnemonic")).trim().split("\\s+"));
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(MnemonicCode.toSeed(words, ""));
        for (ChildNumber n : List.of(new ChildNumber(purpose, true), new ChildNumber(coin, true), ChildNumber.ZERO_HARDENED,
                ChildNumber.ZERO, new ChildNumber(index, false))) {
            key = HDKeyDerivation.deriveChildKey(key, n);
        }
        return key;
    }
}
