package exchange.wallet.ledger;

import exchange.api.wallet.WalletSettlement;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.util.List;

/** A trade's six legs: per asset they cancel out, fees going to the exchange's fee account. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SettleTrade implements WalletSettlement {
    @EJB
    private Ledger ledger;

    @Override
    public void settleTrade(long tradeId, long buyerId, long sellerId, String baseAsset, String quoteAsset,
                            BigDecimal quantity, BigDecimal quoteAmount, BigDecimal buyerFee, BigDecimal sellerFee) {
        BigDecimal zero = BigDecimal.ZERO;
        ledger.post("TRADE", Long.toString(tradeId), List.of(
                new Leg(buyerId, quoteAsset, zero, quoteAmount.negate()),
                new Leg(buyerId, baseAsset, quantity.subtract(buyerFee), zero),
                new Leg(sellerId, baseAsset, zero, quantity.negate()),
                new Leg(sellerId, quoteAsset, quoteAmount.subtract(sellerFee), zero),
                new Leg(SystemAccounts.FEES, baseAsset, buyerFee, zero),
                new Leg(SystemAccounts.FEES, quoteAsset, sellerFee, zero)));
    }
}
