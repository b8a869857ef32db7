package exchange.api.trade;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Fee tiers: named maker/taker rates that replace a symbol's own rates for the tier's users. */
@Local
public interface FeeSchedule {
    List<FeeTier> tiers();

    /** Creates or changes a tier; rates between 0 and 0.1. */
    FeeTier saveTier(FeeTier tier);

    /** Puts the user in the tier, or back on the symbols' own rates with a null tier. */
    void assign(long userId, String tier);

    record FeeTier(String tier, BigDecimal makerFee, BigDecimal takerFee) implements Serializable {
    }
}
