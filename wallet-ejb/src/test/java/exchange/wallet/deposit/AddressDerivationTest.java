package exchange.wallet.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;

/** Published vectors for the BIP39 test mnemonic: BIP84's own, and the BIP44 Ether addresses every wallet derives. */
class AddressDerivationTest {
    private static final List<String> MNEMONIC = List.of("abandon", "abandon", "abandon", "abandon", "abandon",
            "abandon", "abandon", "abandon", "abandon", "abandon", "abandon", "about");

    @Test
    void bip84AccountZpubGivesTheBip84Addresses() {
        String zpub = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
        assertEquals("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", AddressDerivation.bitcoin(zpub, BitcoinNetwork.MAINNET, 0));
        assertEquals("bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g", AddressDerivation.bitcoin(zpub, BitcoinNetwork.MAINNET, 1));
    }

    @Test
    void regtestAccountKeyGivesBcrtAddressesOfTheSameKeys() {
        DeterministicKey account = account(84, 1);
        String vpub = account.serializePubB58(BitcoinNetwork.REGTEST, ScriptType.P2WPKH);
        String address = AddressDerivation.bitcoin(vpub, BitcoinNetwork.REGTEST, 7);
        DeterministicKey privateChild = HDKeyDerivation.deriveChildKey(
                HDKeyDerivation.deriveChildKey(account, ChildNumber.ZERO), new ChildNumber(7, false));
        assertEquals(privateChild.toAddress(ScriptType.P2WPKH, BitcoinNetwork.REGTEST).toString(), address);
        assertEquals("bcrt1q", address.substring(0, 6));
    }

    @Test
    void bip44EtherAddressesFromTheAccountXpubAlone() {
        String xpub = account(44, 60).serializePubB58(BitcoinNetwork.MAINNET);
        assertEquals("0x9858EfFD232B4033E47d90003D41EC34EcaEda94", AddressDerivation.ethereum(xpub, 0));
        assertEquals("0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0", AddressDerivation.ethereum(xpub, 1));
    }

    @Test
    void anAccountKeyWithItsPrivatePartIsRefused() {
        String xprv = account(44, 60).serializePrivB58(BitcoinNetwork.MAINNET);
        assertThrows(IllegalArgumentException.class, () -> AddressDerivation.ethereum(xprv, 0));
    }

    private static DeterministicKey account(int purpose, int coin) {
        byte[] seed = MnemonicCode.toSeed(MNEMONIC, "");
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(seed);
        for (ChildNumber n : List.of(new ChildNumber(purpose, true), new ChildNumber(coin, true), new ChildNumber(0, true))) {
            key = HDKeyDerivation.deriveChildKey(key, n);
        }
        return key;
    }
}
