package exchange.wallet.chain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/** The Ethereum node over JSON-RPC with web3j. */
@ApplicationScoped
public class Web3jEthereumNode implements EthereumNode {
    /** keccak256("Transfer(address,address,uint256)"). */
    static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    @Inject
    @ConfigProperty(name = "exchange.wallet.eth.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String url;
    private volatile Web3j web3j;

    private Web3j client() {
        Web3j c = web3j;
        if (c == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = Web3j.build(new HttpService(url));
                }
                c = web3j;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }

    @Override
    public long head() {
        return checked(send(client().ethBlockNumber())).getBlockNumber().longValueExact();
    }

    @Override
    public Block block(long height) {
        EthBlock.Block b = checked(send(client().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), true)))
                .getBlock();
        if (b == null) {
            throw new ChainUnavailableException("ETH: no block at height " + height);
        }
        List<Payment> payments = new ArrayList<>();
        for (EthBlock.TransactionResult<?> r : b.getTransactions()) {
            EthBlock.TransactionObject tx = (EthBlock.TransactionObject) r.get();
            if (tx.getTo() != null && tx.getValue().signum() > 0) {
                payments.add(new Payment(tx.getHash(), tx.getTo().toLowerCase(Locale.ROOT), tx.getValue()));
            }
        }
        return new Block(height, b.getHash(), b.getParentHash(), payments);
    }

    @Override
    public List<TokenTransfer> tokenTransfers(long fromHeight, long toHeight, Collection<String> contracts) {
        if (contracts.isEmpty()) {
            return List.of();
        }
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromHeight)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toHeight)), new ArrayList<>(contracts));
        filter.addSingleTopic(TRANSFER);
        List<TokenTransfer> transfers = new ArrayList<>();
        for (EthLog.LogResult<?> r : checked(send(client().ethGetLogs(filter))).getLogs()) {
            Log log = (Log) r.get();
            if (log.isRemoved() || log.getTopics().size() != 3) {
                continue; // not the standard indexed (from, to) Transfer
            }
            String to = "0x" + log.getTopics().get(2).substring(log.getTopics().get(2).length() - 40);
            BigInteger value = new BigInteger(log.getData().substring(2), 16);
            transfers.add(new TokenTransfer(log.getBlockNumber().longValueExact(), log.getBlockHash(), log.getTransactionHash(),
                    log.getLogIndex().intValueExact(), log.getAddress().toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT), value));
        }
        return transfers;
    }

    private static <T extends Response<?>> T send(org.web3j.protocol.core.Request<?, T> request) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new ChainUnavailableException("ETH node unreachable: " + e.getMessage(), e);
        }
    }

    private static <T extends Response<?>> T checked(T response) {
        if (response.hasError()) {
            throw new ChainUnavailableException("ETH node error: " + response.getError().getMessage());
        }
        return response;
    }
}
