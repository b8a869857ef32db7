package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Dust sent to the Bitcoin hot address never becomes a withdrawal input; a real payment to it does. */
class HotWalletDustIT {
    @Test
    void dustToTheHotAddressIsIgnoredAndARealOutputKept() throws Exception {
        String hot = Files.readString(Users.work().resolve("keys/btc-hot.address")).trim();
        String dust = ChainRpc.bitcoinWallet("sendtoaddress", hot, Json.createValue(new BigDecimal("0.00008"))).toString().replace("\"", "");
        String real = ChainRpc.bitcoinWallet("sendtoaddress", hot, Json.createValue(new BigDecimal("0.001"))).toString().replace("\"", "");
        String miner = ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        ChainRpc.bitcoin("generatetoaddress", 1, miner);
        long height = Long.parseLong(ChainRpc.bitcoin("getblockcount").toString());
        Eventually.holds(Duration.ofSeconds(60), "the scanner passed block " + height,
                () -> Db.count("SELECT COUNT(*) FROM exchange_wallet.chain_cursors WHERE chain = 'BTC' AND height >= ?", height) == 1);
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.hot_wallet_outputs WHERE tx_hash = ? AND amount = 0.001", real));
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.hot_wallet_outputs WHERE tx_hash = ? AND amount < 0.0001", dust),
                "dust is not an input");
    }
}
