package exchange.wallet.withdraw;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.web3j.crypto.Keys;

/** Where coins may be sent: an address of the chain's network, its checksum included. */
public final class WithdrawAddresses {
    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private WithdrawAddresses() {
    }

    /** Returns the address as it will be used, or refuses it with 400 INVALID_ADDRESS. */
    public static String check(String chain, String address, BitcoinNetwork bitcoinNetwork) {
        if (address == null || address.isBlank()) {
            throw invalid("address is required");
        }
        String a = address.trim();
        return switch (chain) {
            case "BTC" -> bitcoin(a, bitcoinNetwork);
            case "ETH" -> ethereum(a);
            default -> throw new IllegalStateException("no address rules for chain " + chain);
        };
    }

    /** Base58check and bech32/bech32m both carry a checksum; the parser checks it and the network. */
    private static String bitcoin(String address, BitcoinNetwork network) {
        try {
            return AddressParser.getDefault(network).parseAddress(address).toString();
        } catch (AddressFormatException e) {
            throw invalid("not a " + network + " Bitcoin address: " + e.getMessage());
        }
    }

    /** EIP-55: a mixed-case address must carry the right checksum; all lower or all upper case carries none. */
    private static String ethereum(String address) {
        if (!HEX_ADDRESS.matcher(address).matches()) {
            throw invalid("an Ethereum address is 0x and 40 hex digits");
        }
        String hex = address.substring(2);
        String checksummed = Keys.toChecksumAddress(address.toLowerCase(Locale.ROOT));
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixed && !checksummed.equals(address)) {
            throw invalid("the address's EIP-55 checksum is wrong");
        }
        return checksummed;
    }

    private static BusinessException invalid(String why) {
        return new BusinessException(ErrorCode.INVALID_ADDRESS, why);
    }
}
