package exchange.trade.market;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.EngineUnits;
import exchange.api.trade.MarketAdministration;
import exchange.trade.fee.FeeTiers;
import exchange.api.trade.SymbolSpec;
import exchange.api.trade.SymbolView;
import exchange.api.wallet.WalletAccounts;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Listing a market, halting or resuming it and changing its fees. Once the change has committed,
 * the matching engine is told ({@link EngineGateway#marketChanged}): it lists the market, or follows
 * its status and fees. A halted symbol takes no new orders, and cancels go on as before.
 */
@Stateless
public class MarketAdmin implements MarketAdministration {
    private static final Logger LOG = Logger.getLogger(MarketAdmin.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Z0-9]{2,16}");
    /** The engine keeps every asset at 10 decimals: a lot's base and a tick x lot's quote are whole units of it. */
    private static final int ENGINE_SCALE = 10;
    private static final long ENGINE_CALL_SECONDS = 30;

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private WalletAccounts wallet;
    @EJB
    private EngineGateway engine;
    @Resource
    private TransactionSynchronizationRegistry transaction;
    @Resource
    private ManagedExecutorService executor;

    @Override
    public SymbolView list(SymbolSpec s) {
        List<String> assets = wallet.listedAssets();
        if (s.baseAsset() == null || s.quoteAsset() == null || !assets.contains(s.baseAsset())
                || !assets.contains(s.quoteAsset()) || s.baseAsset().equals(s.quoteAsset())) {
            throw new BusinessException(ErrorCode.UNKNOWN_ASSET, "Base and quote must be two different listed assets " + assets + ".");
        }
        String symbol = s.symbol() != null ? s.symbol() : s.baseAsset() + s.quoteAsset();
        if (!NAME.matcher(symbol).matches()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "symbol: 2 to 16 capital letters or digits");
        }
        if (em.find(Symbol.class, symbol) != null) {
            throw new BusinessException(ErrorCode.SYMBOL_EXISTS);
        }
        requirePositive(s.priceTick(), "priceTick");
        requirePositive(s.quantityStep(), "quantityStep");
        requirePositive(s.minNotional(), "minNotional");
        if (!EngineUnits.listable(s.priceTick(), s.quantityStep())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "priceTick and quantityStep: prices up to "
                    + EngineUnits.MAX_PRICE.toPlainString() + " and quantities up to " + EngineUnits.MAX_QUANTITY.toPlainString()
                    + " must fit the engine's " + EngineUnits.MAX_UNITS + " ticks and lots (a tick or step of at least 1e-9)");
        }
        if (!fitsEngineScale(s.priceTick(), s.quantityStep())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "priceTick and quantityStep: the engine keeps every"
                    + " asset at " + ENGINE_SCALE + " decimals, so quantityStep and priceTick x quantityStep must be"
                    + " multiples of 1e-" + ENGINE_SCALE);
        }
        FeeTiers.requireFee(s.makerFee(), "makerFee");
        FeeTiers.requireFee(s.takerFee(), "takerFee");
        Symbol created = new Symbol(symbol, s.baseAsset(), s.quoteAsset(), s.priceTick(), s.quantityStep(),
                s.minNotional(), s.makerFee(), s.takerFee());
        em.persist(created);
        return changed(created);
    }

    @Override
    public SymbolView halt(String symbol) {
        return setTrading(symbol, false);
    }

    @Override
    public SymbolView resume(String symbol) {
        return setTrading(symbol, true);
    }

    @Override
    public SymbolView adjust(String name, BigDecimal minNotional, BigDecimal makerFee, BigDecimal takerFee) {
        Symbol symbol = em.find(Symbol.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (symbol == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
        if (minNotional != null) {
            requirePositive(minNotional, "minNotional");
        }
        if (makerFee != null) {
            FeeTiers.requireFee(makerFee, "makerFee");
        }
        if (takerFee != null) {
            FeeTiers.requireFee(takerFee, "takerFee");
        }
        symbol.adjust(minNotional, makerFee, takerFee);
        return changed(symbol);
    }

    private SymbolView setTrading(String name, boolean trading) {
        Symbol symbol = em.find(Symbol.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (symbol == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
        symbol.setTrading(trading);
        return changed(symbol);
    }

    /** Whether a lot (step) and a tick x lot are whole units of the engine's 10-decimal assets. */
    static boolean fitsEngineScale(BigDecimal tick, BigDecimal step) {
        return step.stripTrailingZeros().scale() <= ENGINE_SCALE
                && tick.multiply(step).stripTrailingZeros().scale() <= ENGINE_SCALE;
    }

    /**
     * The engine hears of the market as it is at the end of this transaction, once that has
     * committed (a rolled back change never reaches it). Several changes of one symbol in one
     * transaction send its last view once.
     */
    @SuppressWarnings("unchecked")
    private SymbolView changed(Symbol symbol) {
        SymbolView view = symbol.view();
        Map<String, SymbolView> pending = (Map<String, SymbolView>) transaction.getResource(MarketAdmin.class);
        if (pending == null) {
            pending = new LinkedHashMap<>();
            transaction.putResource(MarketAdmin.class, pending);
            transaction.registerInterposedSynchronization(new EngineNotice(pending, engine, executor));
        }
        pending.put(view.symbol(), view);
        return view;
    }

    /**
     * Tells the engine after the commit. The call runs on a managed thread of its own, which the
     * committing thread waits for: the completed transaction is still tied to this thread during
     * afterCompletion, and an EJB call made in it may be refused ("Transaction is not active",
     * payara/Payara#609).
     * A failure is logged: the symbol table has changed already.
     */
    private record EngineNotice(Map<String, SymbolView> symbols, EngineGateway engine, ManagedExecutorService executor)
            implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            for (SymbolView symbol : symbols.values()) {
                try {
                    executor.submit(() -> engine.marketChanged(symbol)).get(ENGINE_CALL_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LOG.log(Level.SEVERE, "The engine was not told of " + symbol + " (interrupted)", e);
                    return;
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "The engine was not told of " + symbol + "; it follows the symbol table"
                            + " only when told again (halt, resume or adjust the symbol)", e);
                }
            }
        }
    }

    private static void requirePositive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 18 || value.compareTo(BigDecimal.ONE.movePointRight(9)) > 0) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, field + ": a positive number with at most 18 decimals");
        }
    }
}
