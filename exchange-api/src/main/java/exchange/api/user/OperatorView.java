package exchange.api.user;

import java.io.Serializable;
import java.util.Set;

public record OperatorView(long id, String email, Set<String> roles) implements Serializable {
}
