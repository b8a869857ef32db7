package exchange.wallet.ledger;

import java.math.BigDecimal;

/** One account's part in a posting. */
public record Leg(long userId, String asset, BigDecimal deltaAvailable, BigDecimal deltaFrozen) {
    BigDecimal total() {
        return deltaAvailable.add(deltaFrozen);
    }
}
