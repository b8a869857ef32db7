package exchange.api.wallet;

import jakarta.ejb.Local;

/** Seed 3.2 (生成充值地址): where a user sends coins to deposit them. */
@Local
public interface DepositAddresses {
    /**
     * The user's deposit address for the asset on the network (the asset's only network when null):
     * derived once from the exchange's extended public key and then the same on every call.
     */
    DepositAddressView apply(long userId, String asset, String network);

    record DepositAddressView(String asset, String network, String address, int confirmations) {
    }
}
