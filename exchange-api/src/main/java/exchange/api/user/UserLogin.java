package exchange.api.user;

import jakarta.ejb.Local;

@Local
public interface UserLogin {
    AccessToken login(String email, String password, String clientIp, String userAgent);
}
