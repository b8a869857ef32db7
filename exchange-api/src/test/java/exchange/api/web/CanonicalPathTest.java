package exchange.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which raw request paths reach an access decision at all. */
class CanonicalPathTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /admin/withdrawals.xhtml                                  | true
            /admin/                                                   | true
            /admin/jakarta.faces.resource/faces.js.xhtml              | true
            /api/v3/order                                             | true
            /api/trade/symbols/BTC-USDT                               | true
            /admin/jakarta.faces.resource/%2e%2e/withdrawals.xhtml    | false
            /admin/jakarta.faces.resource/%2E%2E/withdrawals.xhtml    | false
            /admin/jakarta.faces.resource/%2e./withdrawals.xhtml      | false
            /admin/jakarta.faces.resource/../withdrawals.xhtml        | false
            /admin/jakarta.faces.resource/./../withdrawals.xhtml      | false
            /admin/jakarta.faces.resource/..;/withdrawals.xhtml       | false
            /admin/withdrawals.xhtml;jsessionid=ABC                   | false
            /admin//withdrawals.xhtml                                 | false
            /admin/jakarta.faces.resource/%252e%252e/withdrawals.xhtml| false
            /admin/jakarta.faces.resource/..%5cwithdrawals.xhtml      | false
            /admin/jakarta.faces.resource\\..\\withdrawals.xhtml       | false
            /admin/jakarta.faces.resource%2fwithdrawals.xhtml         | false
            /admin/users.xhtml%00.css                                 | false
            /admin/users.xhtml%c0%ae                                  | false
            /admin/%                                                  | false
            /admin/%zz                                                | false
            admin/users.xhtml                                         | false
            """)
    void onlyCanonicalPathsPass(String raw, boolean canonical) {
        assertEquals(canonical, CanonicalPath.isCanonical(raw), raw);
    }
}
