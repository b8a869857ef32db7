package exchange.trade.fee;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.FeeSchedule;
import exchange.trade.market.Symbol;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The fee tiers and who is in which; settlement asks it each side's rate. */
@Stateless
@LocalBean
public class FeeTiers implements FeeSchedule {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9_]{2,32}");
    private static final BigDecimal MAX_FEE = new BigDecimal("0.1");

    private static final Object TIER_OF_USER = FeeTiers.class.getName() + ".tierOfUser";

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Override
    public List<FeeTier> tiers() {
        return em.createQuery("SELECT t FROM FeeTierRow t ORDER BY t.tier", FeeTierRow.class).getResultStream()
                .map(t -> new FeeTier(t.tier(), t.makerFee(), t.takerFee())).toList();
    }

    @Override
    public FeeTier saveTier(FeeTier tier) {
        if (tier == null || tier.tier() == null || !NAME.matcher(tier.tier()).matches()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "tier: 2 to 32 capital letters, digits or _");
        }
        requireFee(tier.makerFee(), "makerFee");
        requireFee(tier.takerFee(), "takerFee");
        FeeTierRow row = em.find(FeeTierRow.class, tier.tier());
        if (row == null) {
            em.persist(new FeeTierRow(tier.tier(), tier.makerFee(), tier.takerFee()));
        } else {
            row.set(tier.makerFee(), tier.takerFee());
        }
        return tier;
    }

    @Override
    public void assign(long userId, String tier) {
        UserFeeTier current = em.find(UserFeeTier.class, userId);
        if (tier == null) {
            if (current != null) {
                em.remove(current);
            }
            return;
        }
        if (em.find(FeeTierRow.class, tier) == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No fee tier " + tier + ".");
        }
        if (current == null) {
            em.persist(new UserFeeTier(userId, tier));
        } else {
            current.setTier(tier);
        }
    }

    /**
     * The rate the user pays on the symbol as maker or taker. A user in no tier is the common case,
     * and the persistence context does not remember that a row was missing, so the answer is kept
     * for the rest of the transaction: settlement asks twice per trade, many trades per transaction.
     */
    public BigDecimal rate(long userId, Symbol symbol, boolean maker) {
        @SuppressWarnings("unchecked")
        Map<Long, Optional<FeeTierRow>> known = (Map<Long, Optional<FeeTierRow>>) transaction.getResource(TIER_OF_USER);
        if (known == null) {
            known = new HashMap<>();
            transaction.putResource(TIER_OF_USER, known);
        }
        FeeTierRow tier = known.computeIfAbsent(userId, id -> {
            UserFeeTier member = em.find(UserFeeTier.class, id);
            return Optional.ofNullable(member == null ? null : em.find(FeeTierRow.class, member.tier()));
        }).orElse(null);
        if (tier == null) {
            return maker ? symbol.makerFee() : symbol.takerFee();
        }
        return maker ? tier.makerFee() : tier.takerFee();
    }

    /** A fee rate is between 0 and 10 %: the one check for symbols' and tiers' rates. */
    public static void requireFee(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_FEE) > 0) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, field + ": between 0 and 0.1");
        }
    }
}
