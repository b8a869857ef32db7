package exchange.user.registration;

import exchange.user.account.VerificationCodes;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.user.AccessToken;
import exchange.api.user.UserRegistration;
import exchange.user.account.Emails;
import exchange.user.account.Passwords;
import exchange.user.account.User;
import exchange.user.token.TokenIssuer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Step two of sign-up (seed 3.1): check the address is free, check the code, create the user,
 * and only after that commit consume the code and hand out a token.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegisterUser implements UserRegistration {
    @EJB
    private VerificationCodes codes;
    @EJB
    private CreateUser createUser;
    @EJB
    private TokenIssuer tokens;
    @Inject
    private Passwords passwords;
    @EJB
    private SendRegistrationCode sendRegistrationCode;
    @Inject
    private exchange.user.session.SessionStore sessions;

    @Override
    public void sendCode(String email) {
        sendRegistrationCode.send(email);
    }

    @Override
    public AccessToken register(String rawEmail, String code, String password) {
        String email = Emails.normalize(rawEmail);
        Passwords.checkStrength(password, email);
        if (createUser.exists(email)) {
            throw new BusinessException(ErrorCode.EMAIL_TAKEN);
        }
        codes.verify("email:" + email, code);
        User user = createUser.create(email, passwords.hash(password));
        codes.consume("email:" + email);
        // A session like a sign-in's: the sign-up token ends with logout and log out everywhere.
        exchange.user.session.SessionStore.Opened session = sessions.open(user.id());
        return tokens.issue(user.id(), user.email(), Set.of(TokenIssuer.TRADER), session.sessionId())
                .withRefreshToken(session.refreshToken());
    }
}
