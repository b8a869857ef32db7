package exchange.user.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A person who runs the exchange from the console; never a trader account. */
@Entity
@Table(schema = "exchange_user", name = "operators")
@NamedQuery(name = Operator.BY_EMAIL, query = "SELECT o FROM Operator o WHERE o.email = :email")
public class Operator {
    public static final String BY_EMAIL = "Operator.byEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String roles;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Operator() {
    }

    public Operator(String email, String passwordHash, Set<String> roles) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles);
        this.createdAt = Instant.now();
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public Set<String> roles() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
