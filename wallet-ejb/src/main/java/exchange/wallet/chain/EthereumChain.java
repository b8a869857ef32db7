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
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import jakarta.inject.Inject;
import org.web3j.protocol.Web3j;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
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
public class EthereumChain implements DepositChain, WithdrawChain {
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
    private volatile Long chainId;

    /** An ERC-20 token the exchange lists: its asset code, contract and decimals. */
    public record Token(String asset, String contract, int decimals) {
    }

    private Web3j client() {
        Web3j c = web3j;
        if (c == null) {
            synchronized (this) {
                if (web3j == null) {
                    web3j = Web3j.build(new HttpService(url, new okhttp3.OkHttpClient.Builder()
                            .connectTimeout(java.time.Duration.ofMillis(NODE_HTTP_TIMEOUT_MS))
                            .readTimeout(java.time.Duration.ofMillis(NODE_HTTP_TIMEOUT_MS))
                            .writeTimeout(java.time.Duration.ofMillis(NODE_HTTP_TIMEOUT_MS)).build()));
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

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public long head() {
        return checked(send(client().ethBlockNumber())).getBlockNumber().longValueExact();
    }

    private volatile String genesis;
    private volatile long genesisAt;

    /** The genesis block's hash: which chain this is (a dev chain restarted is another). Asked again every 30 s. */
    public String genesis() {
        long now = System.currentTimeMillis();
        if (genesis == null || now - genesisAt > 30_000) {
            genesis = hashAt(0);
            genesisAt = now;
        }
        return genesis;
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public String hashAt(long height) {
        EthBlock.Block b = checked(send(client().ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), false)))
                .getBlock();
        if (b == null) {
            throw new ChainUnavailableException("ETH: no block at height " + height);
        }
        return b.getHash();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
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
            tokens.put(normalize(parts[1]), new Token(parts[0].toUpperCase(Locale.ROOT), normalize(parts[1]), Integer.parseInt(parts[2])));
        }
        return tokens;
    }

    /** The listed token of an asset, if the asset is one. */
    public Optional<Token> token(String asset) {
        return tokens().values().stream().filter(t -> t.asset().equals(asset)).findFirst();
    }

    /** Asked of the node, not configured: a hard-coded chain id signs for the wrong chain. */
    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    public long chainId() {
        Long id = chainId;
        if (id == null) {
            id = checked(send(client().ethChainId())).getChainId().longValueExact();
            chainId = id;
        }
        return id;
    }

    /** The next nonce of an address, counting what waits in the node's pool. */
    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    public BigInteger pendingNonce(String address) {
        return checked(send(client().ethGetTransactionCount(address, DefaultBlockParameterName.PENDING))).getTransactionCount();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    /** How many transactions of this account are in blocks at least this many confirmations deep. */
    public BigInteger confirmedNonce(String address, long confirmations) {
        long at = head() - Math.max(1, confirmations) + 1;
        if (at < 0) {
            return BigInteger.ZERO;
        }
        return checked(send(client().ethGetTransactionCount(address, DefaultBlockParameter.valueOf(BigInteger.valueOf(at)))))
                .getTransactionCount();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    public BigInteger gasPrice() {
        return checked(send(client().ethGasPrice())).getGasPrice();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    public BigDecimal etherBalance(String address) {
        BigInteger wei = checked(send(client().ethGetBalance(address, DefaultBlockParameterName.LATEST))).getBalance();
        return new BigDecimal(wei).divide(WEI_PER_ETHER);
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    public BigDecimal tokenBalance(Token token, String address) {
        String data = FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(address)), List.of()));
        String result = checked(send(client().ethCall(
                org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(address, token.contract(), data),
                DefaultBlockParameterName.LATEST))).getValue();
        BigInteger units = result == null || result.length() <= 2 ? BigInteger.ZERO : new BigInteger(result.substring(2), 16);
        return new BigDecimal(units).movePointLeft(token.decimals());
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public void broadcast(String rawTransaction, String txHash) {
        // A send whose answer was lost (a timeout, or this call's retry) may have reached the node:
        // ask before sending again. Sending a transaction the node is mining at that moment is
        // pointless on any node and wedges ganache's pool for good (ganache#2509: the transaction
        // stays pending, never mined; seen here in a chaos run, 11 withdrawals behind it).
        if (known(txHash)) {
            return;
        }
        EthSendTransaction sent;
        try {
            sent = send(client().ethSendRawTransaction(rawTransaction));
        } catch (ChainUnavailableException e) {
            if (known(txHash)) {
                return;
            }
            throw e;
        }
        if (sent.hasError()) {
            // "already known", "nonce too low" for our own earlier send...: the words differ per
            // node, so ask whether the node has this very transaction.
            if (known(txHash)) {
                return;
            }
            throw new TransactionRefusedException("ETH node refused " + txHash + ": " + sent.getError().getMessage());
        }
    }

    private boolean known(String txHash) {
        return checked(send(client().ethGetTransactionByHash(txHash))).getTransaction().isPresent();
    }

    @Timeout(CALL_TIMEOUT_MS)
    @Retry(maxRetries = 1, delay = 250, retryOn = ChainUnavailableException.class, abortOn = TransactionRefusedException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15_000, failOn = {ChainUnavailableException.class, TimeoutException.class}, skipOn = TransactionRefusedException.class)
    @Override
    public Sent lookup(String txHash) {
        Optional<TransactionReceipt> receipt = checked(send(client().ethGetTransactionReceipt(txHash))).getTransactionReceipt();
        if (receipt.isEmpty()) {
            return checked(send(client().ethGetTransactionByHash(txHash))).getTransaction().isPresent() ? Sent.PENDING : Sent.UNKNOWN;
        }
        long height = receipt.get().getBlockNumber().longValueExact();
        long confirmations = Math.max(0, head() - height + 1);
        return new Sent(receipt.get().isStatusOK() ? State.MINED : State.FAILED, height, confirmations);
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
