package exchange.trade.fee;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.FeeSchedule;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fee tiers and who is in which. The matching engine charges the fees: every change of a
 * user's rates (an assignment, or a change of the user's tier) is sent to it as it is made, so a
 * refusal of the engine rolls the change back here.
 */
@Stateless
@LocalBean
public class FeeTiers implements FeeSchedule {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9_]{2,32}");
    private static final BigDecimal MAX_FEE = new BigDecimal("0.1");

    @PersistenceContext(unitName = "trade")
    private EntityManager em;
    @EJB
    private EngineGateway engine;

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
            List<Long> members = em.createQuery("SELECT u.userId FROM UserFeeTier u WHERE u.tier = :t", Long.class)
                    .setParameter("t", tier.tier()).getResultList();
            for (long member : members) {
                engine.setUserFees(member, tier.makerFee(), tier.takerFee());
            }
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
            engine.setUserFees(userId, null, null);
            return;
        }
        FeeTierRow row = em.find(FeeTierRow.class, tier);
        if (row == null) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No fee tier " + tier + ".");
        }
        if (current == null) {
            em.persist(new UserFeeTier(userId, tier));
        } else {
            current.setTier(tier);
        }
        engine.setUserFees(userId, row.makerFee(), row.takerFee());
    }

    /** A fee rate is between 0 and 10 %: the one check for symbols' and tiers' rates. */
    public static void requireFee(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_FEE) > 0) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, field + ": between 0 and 0.1");
        }
    }
}
