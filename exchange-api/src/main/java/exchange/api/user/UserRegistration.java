package exchange.api.user;

import jakarta.ejb.Local;

/** Sign-up (seed 2.1 and 3.1): a code to the e-mail address, then the account. */
@Local
public interface UserRegistration {
    void sendCode(String email);

    AccessToken register(String email, String code, String password);
}
