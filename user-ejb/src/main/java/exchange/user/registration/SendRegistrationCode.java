package exchange.user.registration;

import exchange.user.account.VerificationCodes;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.user.account.Emails;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Step one of sign-up (seed 3.1): a six-digit code to the address the user typed. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendRegistrationCode {
    @EJB
    private VerificationCodes codes;
    @EJB
    private VerificationMail mail;

    public void send(String rawEmail) {
        String email = Emails.normalize(rawEmail);
        String code = codes.issue("email:" + email);
        try {
            mail.sendCode(email, code);
        } catch (BusinessException e) {
            codes.withdraw("email:" + email);
            throw e;
        } catch (RuntimeException e) {
            codes.withdraw("email:" + email);
            throw new BusinessException(ErrorCode.MAIL_UNAVAILABLE);
        }
    }
}
