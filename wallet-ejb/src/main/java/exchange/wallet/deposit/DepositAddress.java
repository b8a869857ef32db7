package exchange.wallet.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's deposit address on one chain family, at the index it was derived from. */
@Entity
@Table(schema = "exchange_wallet", name = "deposit_addresses")
@NamedQuery(name = DepositAddress.OF_USER, query = "SELECT d FROM DepositAddress d WHERE d.userId = :userId AND d.chain = :chain")
public class DepositAddress {
    public static final String OF_USER = "DepositAddress.ofUser";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id", nullable = false)
    private long userId;
    @Column(nullable = false)
    private String chain;
    @Column(name = "address_index", nullable = false)
    private int addressIndex;
    @Column(nullable = false)
    private String address;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DepositAddress() {
    }

    DepositAddress(long userId, String chain, int addressIndex, String address) {
        this.userId = userId;
        this.chain = chain;
        this.addressIndex = addressIndex;
        this.address = address;
        this.createdAt = Instant.now();
    }

    public String address() {
        return address;
    }
}
