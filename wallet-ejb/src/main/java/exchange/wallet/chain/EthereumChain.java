package exchange.wallet.chain;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Ethereum through web3j JSON-RPC: a block's plain Ether transfers, and the {@code Transfer} logs
 * of the configured ERC-20 tokens ({@code exchange.wallet.eth.tokens}: {@code ASSET:contract:decimals}).
 */
@ApplicationScoped
public class EthereumChain implements DepositChain {
    /** keccak256("Transfer(address,address,uint256)"). */
    static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final BigDecimal WEI_PER_ETHER = BigDecimal.TEN.pow(18);

    @Inject
    @ConfigProperty(name = "exchange.wallet.eth.rpc-url", defaultValue = "http://127.0.0.1:8545")
    String url;
    @Inject
    @ConfigProperty(name = "exchange.wallet.eth.tokens", defaultValue = " ")
    String tokenConfig;
    private volatile Web3j web3j;
    private volatile Map<String, Token> tokens;

    record Token(String asset, int decimals) {
    }

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
    public String chain() {
        return "ETH";
    }

    @Override
    public String normalize(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    @Override
    public long head() {
        return checked(send(client().ethBlockNumber())).getBlockNumber().longValueExact();
    }

    @Override
    public String hashAt(long height) {
        EthBlock.Block b = checked(send(client().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), false)))
                .getBlock();
        if (b == null) {
            throw new ChainUnavailableException("ETH: no block at height " + height);
        }
        return b.getHash();
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
                payments.add(new Payment(tx.getHash(), -1, normalize(tx.getTo()), "ETH",
                        new BigDecimal(tx.getValue()).divide(WEI_PER_ETHER)));
            }
        }
        Map<String, Token> tokens = tokens();
        if (!tokens.isEmpty()) {
            DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(height));
            EthFilter filter = new EthFilter(at, at, new ArrayList<>(tokens.keySet()));
            filter.addSingleTopic(TRANSFER);
            for (EthLog.LogResult<?> r : checked(send(client().ethGetLogs(filter))).getLogs()) {
                Log log = (Log) r.get();
                Token token = tokens.get(normalize(log.getAddress()));
                if (token == null || log.isRemoved() || log.getTopics().size() != 3 || !b.getHash().equals(log.getBlockHash())) {
                    continue; // not the standard indexed (from, to, value) Transfer
                }
                String topic = log.getTopics().get(2);
                String to = "0x" + topic.substring(topic.length() - 40);
                BigInteger value = new BigInteger(log.getData().substring(2), 16);
                payments.add(new Payment(log.getTransactionHash(), log.getLogIndex().intValueExact(), normalize(to),
                        token.asset(), new BigDecimal(value).movePointLeft(token.decimals())));
            }
        }
        return new Block(height, b.getHash(), b.getParentHash(), payments);
    }

    /** Parsed once: the configuration does not change while the application runs. */
    private Map<String, Token> tokens() {
        Map<String, Token> parsed = tokens;
        if (parsed == null) {
            parsed = parseTokens();
            tokens = parsed;
        }
        return parsed;
    }

    private Map<String, Token> parseTokens() {
        Map<String, Token> tokens = new HashMap<>();
        for (String entry : tokenConfig.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalStateException("exchange.wallet.eth.tokens: expected ASSET:contract:decimals, got " + entry);
            }
            tokens.put(normalize(parts[1]), new Token(parts[0].toUpperCase(Locale.ROOT), Integer.parseInt(parts[2])));
        }
        return tokens;
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
