package exchange.trade.market;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.EngineUnits;
import exchange.api.trade.MarketAdministration;
import exchange.trade.fee.FeeTiers;
import exchange.api.trade.SymbolSpec;
import exchange.api.trade.SymbolView;
import exchange.api.wallet.WalletAccounts;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Listing a market and halting or resuming it. The engine opens a book for a new symbol on its
 * first command; a halted symbol takes no new orders, and cancels go on as before.
 */
@Stateless
public class MarketAdmin implements MarketAdministration {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9]{2,16}");

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private WalletAccounts wallet;

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
        FeeTiers.requireFee(s.makerFee(), "makerFee");
        FeeTiers.requireFee(s.takerFee(), "takerFee");
        Symbol created = new Symbol(symbol, s.baseAsset(), s.quoteAsset(), s.priceTick(), s.quantityStep(),
                s.minNotional(), s.makerFee(), s.takerFee());
        em.persist(created);
        return created.view();
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
        return symbol.view();
    }

    private SymbolView setTrading(String name, boolean trading) {
        Symbol symbol = em.find(Symbol.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (symbol == null) {
            throw new BusinessException(ErrorCode.UNKNOWN_SYMBOL);
        }
        symbol.setTrading(trading);
        return symbol.view();
    }

    private static void requirePositive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 18 || value.compareTo(BigDecimal.ONE.movePointRight(9)) > 0) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, field + ": a positive number with at most 18 decimals");
        }
    }
}
