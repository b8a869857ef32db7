package exchange.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DevMailTest {
    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", DevMail.quote("a\"b\\c\nd\u0001"));
        assertEquals("\"\"", DevMail.quote(null));
    }
}
