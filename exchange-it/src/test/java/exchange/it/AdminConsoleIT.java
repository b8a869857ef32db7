package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import java.time.Duration;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.junit.jupiter.api.Test;

/** The operators' console, rendered by Payara and read by a real HTML client. */
class AdminConsoleIT {
    @Test
    void anOperatorSignsInAndFindsAUserAndItsAuditedEvents() throws Exception {
        Users.Trader trader = Users.register("console");
        Eventually.holds(Duration.ofSeconds(30), "registration audited", () -> Db.count(
                "SELECT COUNT(*) FROM exchange_finance.audit_log WHERE event_type = 'UserRegistered' AND subject = ?",
                Long.toString(trader.id())) == 1);

        try (WebClient web = new WebClient()) {
            web.getOptions().setJavaScriptEnabled(false);
            web.getOptions().setCssEnabled(false);

            HtmlPage login = web.getPage(Api.BASE + "/admin/");
            assertTrue(login.getUrl().getPath().endsWith("/admin/login.xhtml"), "unsigned visitors land on sign-in");

            HtmlPage rejected = signIn(login, "admin@exchange.local", "Wrong-passw0rd", "000000");
            assertTrue(rejected.asNormalizedText().contains("Wrong e-mail, password or two-factor code"));
            HtmlPage traderTry = signIn(rejected, trader.email(), Users.PASSWORD, "000000");
            assertTrue(traderTry.getUrl().getPath().endsWith("/login.xhtml"), "a trader is no operator");

            HtmlPage noCode = signIn(traderTry, "admin@exchange.local", Users.adminPassword(), "");
            assertTrue(noCode.getUrl().getPath().endsWith("/login.xhtml"), "an admin signs in only with the second factor");
            HtmlPage users = signIn(noCode, "admin@exchange.local", Users.adminPassword(), Users.nextCode("admin@exchange.local"));
            assertTrue(users.getUrl().getPath().endsWith("/admin/users.xhtml"), users.getUrl().toString());
            assertTrue(users.asNormalizedText().contains("admin@exchange.local"), "operator shown in header");

            ((HtmlInput) users.getHtmlElementById("users:filter")).setValue(trader.email());
            HtmlPage filtered = users.getHtmlElementById("users:search").click();
            HtmlTable table = filtered.getHtmlElementById("users:table");
            assertEquals(2, table.getRowCount(), "header and exactly the one matching user");
            assertEquals(Long.toString(trader.id()), table.getCellAt(1, 0).asNormalizedText());
            assertEquals(trader.email(), table.getCellAt(1, 1).asNormalizedText());

            HtmlPage audit = web.getPage(Api.BASE + "/admin/audit.xhtml");
            ((HtmlInput) audit.getHtmlElementById("audit:subject")).setValue(Long.toString(trader.id()));
            ((HtmlInput) audit.getHtmlElementById("audit:type")).setValue("UserRegistered");
            HtmlPage auditFiltered = audit.getHtmlElementById("audit:search").click();
            HtmlTable events = auditFiltered.getHtmlElementById("audit:table");
            assertEquals(2, events.getRowCount(), auditFiltered.asNormalizedText());
            assertTrue(events.getCellAt(1, 3).asNormalizedText().contains(trader.email()));

            HtmlPage signedOut = auditFiltered.getHtmlElementById("signout:go").click();
            assertTrue(signedOut.getUrl().getPath().endsWith("/login.xhtml"));
            HtmlPage again = web.getPage(Api.BASE + "/admin/users.xhtml");
            assertTrue(again.getUrl().getPath().endsWith("/login.xhtml"), "the session is gone after sign-out");
            assertFalse(again.asNormalizedText().contains(trader.email()));
        }
    }

    private static HtmlPage signIn(HtmlPage page, String email, String password, String code) throws Exception {
        ((HtmlInput) page.getHtmlElementById("login:email")).setValue(email);
        ((HtmlInput) page.getHtmlElementById("login:password")).setValue(password);
        ((HtmlInput) page.getHtmlElementById("login:totp")).setValue(code);
        return page.getHtmlElementById("login:submit").click();
    }
}
