package exchange.api.wallet;

import jakarta.ejb.Local;
import java.math.BigDecimal;

/**
 * Moves a trade's funds in the caller's JTA transaction: the buyer's frozen quote to the seller,
 * the seller's frozen base to the buyer, each side's fee to the exchange's fee account. Keyed by
 * the trade id, so settling it again changes nothing.
 */
@Local
public interface WalletSettlement {
    void settleTrade(long tradeId, long buyerId, long sellerId, String baseAsset, String quoteAsset,
                     BigDecimal quantity, BigDecimal quoteAmount, BigDecimal buyerFee, BigDecimal sellerFee);
}
