package exchange.user.registration;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends the sign-up code, and security notices, over SMTP (a dev mail server locally, the real relay in production). */
@Stateless
public class VerificationMail {
    private static final Logger LOG = Logger.getLogger(VerificationMail.class.getName());

    @Inject
    @ConfigProperty(name = "exchange.mail.smtp.host", defaultValue = "127.0.0.1")
    private String host;
    @Inject
    @ConfigProperty(name = "exchange.mail.smtp.port", defaultValue = "3025")
    private int port;
    @Inject
    @ConfigProperty(name = "exchange.mail.from", defaultValue = "no-reply@exchange.local")
    private String from;

    public void sendCode(String email, String code) {
        send(email, "Your verification code: " + code, "Your exchange verification code is " + code
                + ". It expires in 5 minutes. If you did not ask for it, ignore this e-mail.");
    }

    public void send(String email, String subject, String text) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "3000");
        props.put("mail.smtp.timeout", "3000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email));
            message.setSubject(subject);
            message.setText(text);
            Transport.send(message);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP send failed", e);
            throw new BusinessException(ErrorCode.MAIL_UNAVAILABLE);
        }
    }
}
