package exchange.user.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignUpRulesTest {
    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("alice@example.com", Emails.normalize("  Alice@Example.COM "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "alice@example", "a b@example.com", "alice@@example.com"})
    void malformedEmailsAreRejected(String email) {
        BusinessException e = assertThrows(BusinessException.class, () -> Emails.normalize(email));
        assertEquals(ErrorCode.INVALID_EMAIL, e.code());
    }

    @Test
    void overlongEmailsAreRejected() {
        String local = "a".repeat(64);
        String email = local + "@" + "b".repeat(190) + ".com";
        assertThrows(BusinessException.class, () -> Emails.normalize(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1", "onlyletters", "1234567890", "alice@example.com1"})
    void weakPasswordsAreRejected(String password) {
        String email = password.startsWith("alice") ? "alice@example.com1" : "alice@example.com";
        BusinessException e = assertThrows(BusinessException.class, () -> Passwords.checkStrength(password, email));
        assertEquals(ErrorCode.WEAK_PASSWORD, e.code());
    }

    @Test
    void passwordLimits() {
        assertDoesNotThrow(() -> Passwords.checkStrength("abcdefg1", "alice@example.com"));
        assertDoesNotThrow(() -> Passwords.checkStrength("a1".repeat(64), "alice@example.com"));
        assertThrows(BusinessException.class, () -> Passwords.checkStrength("a1".repeat(64) + "x", "alice@example.com"));
        assertThrows(BusinessException.class, () -> Passwords.checkStrength(null, "alice@example.com"));
    }
}
