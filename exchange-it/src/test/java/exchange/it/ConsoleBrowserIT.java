package exchange.it;

import static exchange.it.LedgerIT.fundedTrader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Poison;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's Chromium, headless, driven by Selenium): operators of
 * each role sign in; support approves a KYC application; two finance operators approve a
 * withdrawal above the four-eyes amount (the first alone cannot, twice), its risk finding beside
 * it; support freezes and unfreezes a wallet; an admin halts and resumes a market and makes the
 * exchange read-only and open again, and replays a dead letter; every action is in the operators'
 * audit. Screenshots
 * go to exchange-it/target/screenshots.
 */
class ConsoleBrowserIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "Operator-Passw0rd";
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("exchange.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("exchange.chromedriver", "/usr/bin/chromedriver"))).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorsOfEachRoleRunTheExchange() throws Exception {
        String admin = Users.adminToken();
        String support = "support-" + UUID.randomUUID() + "@exchange.local";
        String finance1 = "finance1-" + UUID.randomUUID() + "@exchange.local";
        String finance2 = "finance2-" + UUID.randomUUID() + "@exchange.local";
        Users.operatorToken(support, "support");
        Users.operatorToken(finance1, "finance");
        Users.operatorToken(finance2, "finance");
        // A message no consumer can read, parked after the real back-off (about two minutes): the
        // rest of the test runs meanwhile, and an admin replays it at the end.
        String poison = UUID.randomUUID().toString();
        Poison.send(poison);

        // A KYC application (level 1) waits for support.
        Users.Trader applicant = Users.register("console-kyc");
        long application = Api.post("/api/user/kyc/applications", "{\"level\":1,\"phone\":\"+4915112345678\"}", applicant.token())
                .json().getJsonNumber("id").longValue();
        signIn(support);
        browser.get(Api.BASE + "/admin/kyc.xhtml");
        WebElement row = row("kyc:table", Long.toString(application));
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "kyc.approve"));
        shoot("kyc-approved");
        assertEquals(1, Api.get("/api/user/kyc", applicant.token()).json().getInt("level"));
        // Support freezes the applicant's wallet from the user page, and unfreezes it.
        browser.get(Api.BASE + "/admin/user.xhtml?id=" + applicant.id());
        browser.findElement(By.id("user:reason")).sendKeys("suspicious login pattern");
        browser.findElement(By.id("user:freezeWallet")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user:wallet"), "FROZEN"));
        shoot("wallet-frozen");
        Api.Reply refusedWithdrawal = Api.post("/api/wallet/withdraw/apply", "{\"asset\":\"ETH\",\"network\":\"ETH\",\"address\":"
                + "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\",\"amount\":1,\"requestId\":\"" + UUID.randomUUID() + "\"}", applicant.token());
        assertEquals("WALLET_FROZEN", refusedWithdrawal.errorCode(), refusedWithdrawal.body());
        browser.findElement(By.id("user:unfreezeWallet")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user:wallet"), "OPEN"));
        browser.get(Api.BASE + "/admin/withdrawals.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/kyc.xhtml") || browser.getCurrentUrl().endsWith("/users.xhtml"),
                "support may not open the withdrawal queue: " + browser.getCurrentUrl());
        signOut();

        // 12 ETH: above the automatic limit (5) and the four-eyes amount (10).
        Users.Trader owner = fundedTrader("console-wd", admin, "ETH", "20");
        Api.Reply applied = Api.post("/api/wallet/withdraw/apply", "{\"asset\":\"ETH\",\"network\":\"ETH\",\"address\":"
                + "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\",\"amount\":12,\"requestId\":\"" + UUID.randomUUID() + "\"}", owner.token());
        assertEquals(201, applied.status(), applied.body());
        String id = applied.json().getJsonNumber("id").toString();
        signIn(finance1);
        browser.get(Api.BASE + "/admin/withdrawals.xhtml");
        row = row("withdrawals:table", id);
        assertTrue(row.getText().contains("NEW_WITHDRAW_ADDRESS"), "the risk finding beside it: " + row.getText());
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "withdrawal.approve"));
        row = row("withdrawals:table", id);
        assertTrue(row.getText().contains(finance1), "first approval recorded: " + row.getText());
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "FOUR_EYES_REQUIRED"));
        shoot("withdrawal-first-approval");
        assertEquals("PENDING_REVIEW", withdrawal(owner, id).getString("status"));
        signOut();
        signIn(finance2);
        browser.get(Api.BASE + "/admin/withdrawals.xhtml");
        row("withdrawals:table", id).findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "withdrawal.approve"));
        shoot("withdrawal-second-approval");
        assertTrue(!"PENDING_REVIEW".equals(withdrawal(owner, id).getString("status")), "approved by two operators");
        // Finance looks at the figures: balances, fees and three charts drawn by Chart.js.
        browser.get(Api.BASE + "/admin/finance.xhtml");
        wait.until(d -> d.findElements(By.cssSelector("canvas")).size() == 3);
        assertTrue(browser.findElement(By.id("finance:balances")).getText().contains("USDT"));
        shoot("finance");
        signOut();

        // An admin lists a market in the console, then halts it: orders are refused until it resumes.
        String symbol = "BTCW" + (100_000 + new java.util.Random().nextInt(900_000));
        signIn("admin@exchange.local", Users.adminPassword());
        browser.get(Api.BASE + "/admin/markets.xhtml");
        browser.findElement(By.id("add:symbol")).sendKeys(symbol);
        browser.findElement(By.id("add:base")).sendKeys("BTC");
        browser.findElement(By.id("add:quote")).sendKeys("USDT");
        browser.findElement(By.id("add:tick")).sendKeys("0.01");
        browser.findElement(By.id("add:step")).sendKeys("0.001");
        browser.findElement(By.id("add:minNotional")).sendKeys("1");
        browser.findElement(By.id("add:list")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "market.add"));
        row("markets:table", symbol);
        row("markets:table", symbol).findElement(By.cssSelector("button[id$=':halt']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "market.halt"));
        assertTrue(row("markets:table", symbol).getText().contains("HALTED"));
        shoot("market-halted");
        Users.Trader trader = fundedTrader("console-halt", admin, "USDT", "100");
        Api.Reply refused = TradingIT.order(trader, TradingIT.limit(symbol, "BUY", "10", "1"));
        assertEquals("SYMBOL_HALTED", refused.errorCode(), refused.body());
        row("markets:table", symbol).findElement(By.cssSelector("button[id$=':resume']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "market.resume"));
        assertEquals(201, TradingIT.order(trader, TradingIT.limit(symbol, "BUY", "10", "1")).status());

        // The read-only switch: no new orders until the exchange opens again.
        browser.get(Api.BASE + "/admin/operations.xhtml");
        browser.findElement(By.id("ops:toggle")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops:mode"), "READ-ONLY"));
        shoot("operations-read-only");
        try {
            assertEquals("EXCHANGE_READ_ONLY", TradingIT.order(trader, TradingIT.limit(symbol, "BUY", "10", "1")).errorCode());
        } finally {
            browser.findElement(By.id("ops:toggle")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops:mode"), "OPEN"));
        }
        assertEquals(201, TradingIT.order(trader, TradingIT.limit(symbol, "BUY", "10", "1")).status());
        // The live book of the market shows the resting bids (once the engine has published them).
        exchange.it.support.Eventually.holds(Duration.ofSeconds(20), "bids on the book", () -> !Api.get("/api/trade/depth?symbol="
                + symbol, null).json().getJsonArray("bids").isEmpty());
        browser.get(Api.BASE + "/admin/markets.xhtml");
        row("markets:table", symbol).findElement(By.cssSelector("button[id$=':watch']")).click();
        wait.until(d -> d.findElement(By.id("book:bids")).getText().contains("10"));
        shoot("market-book");

        // The parked message on the operations page, replayed once.
        browser.get(Api.BASE + "/admin/operations.xhtml");
        new WebDriverWait(browser, Duration.ofMinutes(4)).pollingEvery(Duration.ofSeconds(5))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.id("ops:show")).click();
            return textOrEmpty(d, By.id("ops:dlq")).contains(poison);
        });
        WebElement parked = browser.findElements(By.cssSelector("[id='ops:dlq'] tbody tr")).stream()
                .filter(r -> r.getText().contains(poison)).findFirst().orElseThrow();
        parked.findElement(By.cssSelector("button[id$=':replay']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "dead-letter.replay"));
        shoot("dead-letter-replayed");

        browser.get(Api.BASE + "/admin/audit.xhtml");
        String actions = browser.findElement(By.id("actions")).getText();
        shoot("audit");
        for (String expected : new String[] {"market.add", "kyc.approve", "wallet.freeze", "wallet.unfreeze", "withdrawal.approve", "market.halt",
                "market.resume", "exchange.read-only", "dead-letter.replay"}) {
            assertTrue(actions.contains(expected), expected + " audited: " + actions);
        }
        assertEquals(2, Db.count("SELECT COUNT(*) FROM exchange_finance.operator_actions WHERE action = 'withdrawal.approve'"
                + " AND subject = ?", "withdrawal:" + id), "the refused second click is not an action");
        signOut();
    }

    private static void signIn(String email) {
        signIn(email, PASSWORD);
    }

    private static void signIn(String email, String password) {
        browser.get(Api.BASE + "/admin/login.xhtml");
        browser.findElement(By.id("login:email")).sendKeys(email);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:totp")).sendKeys(Users.nextCode(email));
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), email));
    }

    private static void signOut() {
        browser.findElement(By.id("signout:go")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    /** The table row whose first cell is the given id. */
    private static WebElement row(String tableId, String firstCell) {
        return wait.until(d -> d.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
                .filter(r -> !r.findElements(By.tagName("td")).isEmpty()
                        && r.findElements(By.tagName("td")).get(0).getText().trim().equals(firstCell))
                .findFirst().orElse(null));
    }

    /** The element's text, or empty while an AJAX update is replacing it. */
    private static String textOrEmpty(WebDriver d, By by) {
        try {
            return d.findElement(by).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    private static JsonObject withdrawal(Users.Trader t, String id) {
        return Api.get("/api/wallet/withdraw/history?limit=100", t.token()).structure().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(w -> w.getJsonNumber("id").toString().equals(id)).findFirst().orElseThrow();
    }

    private static void shoot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
