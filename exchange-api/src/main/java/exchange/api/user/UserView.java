package exchange.api.user;

import java.io.Serializable;
import java.time.Instant;

public record UserView(long id, String email, String status, Instant registeredAt) implements Serializable {
}
