package exchange.api.wallet;

import java.io.Serializable;
import java.math.BigDecimal;

public record AccountView(String asset, BigDecimal available, BigDecimal frozen) implements Serializable {
}
