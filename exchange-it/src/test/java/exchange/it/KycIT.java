package exchange.it;

import static exchange.it.RegistrationIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * KYC levels reached in turn through reviewed applications with checked documents, KYCApproved in
 * the audit trail, and the withdrawal limit of each level enforced by the wallet.
 */
class KycIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void levelsInTurnWithCheckedDocumentsAndWithdrawalLimits() throws Exception {
        String admin = Users.adminToken();
        Users.Trader t = LedgerIT.fundedTrader("kyc", admin, "BTC", "150");
        String btc = exchange.it.support.ChainRpc.bitcoinWallet("getnewaddress", "").toString().replace("\"", "");
        assertEquals(0, Api.get("/api/user/kyc", t.token()).json().getInt("level"));

        // Level 0 allows 100 BTC in 24 hours, fees included.
        assertError(400, "WITHDRAWAL_LIMIT_EXCEEDED", withdraw(t, btc, "100"));
        assertEquals(0, balanceFrozen(t).signum(), "nothing frozen");

        assertError(400, "KYC_LEVEL_INVALID", Api.post("/api/user/kyc/applications", "{\"level\":2}", t.token()));
        assertError(400, "VALIDATION_FAILED", Api.post("/api/user/kyc/applications", "{\"level\":1,\"phone\":\"12\"}", t.token()));
        Api.Reply phone = Api.post("/api/user/kyc/applications", "{\"level\":1,\"phone\":\"+49 151 1234 5678\"}", t.token());
        assertEquals(201, phone.status(), phone.body());
        assertEquals("PENDING", phone.json().getString("status"));
        assertError(409, "KYC_PENDING", Api.post("/api/user/kyc/applications", "{\"level\":1,\"phone\":\"+4915112345678\"}", t.token()));
        long phoneId = phone.json().getJsonNumber("id").longValue();
        assertEquals(403, Api.post("/api/admin/kyc/" + phoneId + "/approve", "{}", t.token()).status(), "operators only");
        assertEquals("APPROVED", Api.post("/api/admin/kyc/" + phoneId + "/approve", "{}", admin).json().getString("status"));
        assertError(409, "KYC_NOT_PENDING", Api.post("/api/admin/kyc/" + phoneId + "/approve", "{}", admin));
        assertEquals(1, Api.get("/api/user/kyc", t.token()).json().getInt("level"));
        Eventually.holds(Duration.ofSeconds(20), "KYCApproved audited", () -> Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log"
                + " WHERE event_type = 'KYCApproved' AND payload REGEXP ?", "\"userId\":" + t.id() + "[,}]") == 1);

        // Level 1 allows 200: the same withdrawal goes through now (and waits for review).
        Api.Reply allowed = withdraw(t, btc, "100");
        assertEquals(201, allowed.status(), allowed.body());
        assertError(400, "WITHDRAWAL_LIMIT_EXCEEDED", withdraw(t, btc, "100")); // 100.0001 used of 200
        assertEquals(200, Api.post("/api/admin/wallet/withdrawals/" + allowed.json().getJsonNumber("id") + "/reject",
                "{\"reason\":\"test\"}", admin).status());

        // Level 2: name and country, an identity document and a selfie, checked.
        assertError(400, "VALIDATION_FAILED", Api.post("/api/user/kyc/applications", "{\"level\":2,\"fullName\":\"Ann Example\"}", t.token()));
        long idApp = Api.post("/api/user/kyc/applications", "{\"level\":2,\"fullName\":\"Ann Example\",\"country\":\"de\"}", t.token())
                .json().getJsonNumber("id").longValue();
        assertEquals(400, upload(t, idApp, "ID_DOCUMENT", "image/png", JPEG).statusCode(), "content not what its type says");
        assertEquals(400, upload(t, idApp, "UTILITY_BILL", "image/png", PNG).statusCode(), "a kind the level does not take");
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, tooLarge, 0, PNG.length);
        assertEquals(400, upload(t, idApp, "ID_DOCUMENT", "image/png", tooLarge).statusCode(), "over 5 MiB");
        assertEquals(415, upload(t, idApp, "ID_DOCUMENT", "text/plain", PNG).statusCode());
        HttpResponse<String> id = upload(t, idApp, "ID_DOCUMENT", "image/png", PNG);
        assertEquals(201, id.statusCode(), id.body());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertTrue(id.body().contains(sha), id.body());
        Path stored = Path.of(System.getProperty("exchange.work"), "kyc", idApp + "-ID_DOCUMENT-" + sha);
        assertTrue(Files.exists(stored) && java.util.Arrays.equals(PNG, Files.readAllBytes(stored)), "stored outside the database as sent");
        assertEquals(404, upload(Users.register("kyc-other"), idApp, "SELFIE", "image/jpeg", JPEG).statusCode(), "not another user's");
        assertError(409, "KYC_DOCUMENTS_MISSING", Api.post("/api/admin/kyc/" + idApp + "/approve", "{}", admin));
        assertEquals(201, upload(t, idApp, "SELFIE", "image/jpeg", JPEG).statusCode());
        assertEquals("APPROVED", Api.post("/api/admin/kyc/" + idApp + "/approve", "{}", admin).json().getString("status"));
        assertEquals(2, Api.get("/api/user/kyc", t.token()).json().getInt("level"));

        // A rejection needs a reason and leaves the level.
        long addressApp = Api.post("/api/user/kyc/applications", "{\"level\":3}", t.token()).json().getJsonNumber("id").longValue();
        assertError(400, "VALIDATION_FAILED", Api.post("/api/admin/kyc/" + addressApp + "/reject", "{}", admin));
        JsonObject rejected = Api.post("/api/admin/kyc/" + addressApp + "/reject", "{\"reason\":\"document unreadable\"}", admin).json();
        assertEquals("REJECTED", rejected.getString("status"));
        assertEquals(2, Api.get("/api/user/kyc", t.token()).json().getInt("level"));
        assertEquals(3, Api.get("/api/user/kyc", t.token()).json().getJsonArray("applications").size());
    }

    private static Api.Reply withdraw(Users.Trader t, String address, String amount) {
        return Api.post("/api/wallet/withdraw/apply", "{\"asset\":\"BTC\",\"address\":\"" + address + "\",\"amount\":" + amount + "}", t.token());
    }

    /** Level 1 by text message: the code sent to the application's phone approves it, once, for its owner only. */
    @Test
    void aPhoneVerifiedByTextMessageReachesLevelOne() {
        Users.Trader t = Users.register("sms");
        Users.Trader stranger = Users.register("sms-stranger");
        String phone = "+4917" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        long app = Api.post("/api/user/kyc/applications", "{\"level\":1,\"phone\":\"" + phone + "\"}", t.token())
                .json().getJsonNumber("id").longValue();
        assertEquals(404, Api.post("/api/user/kyc/applications/" + app + "/phone-code", "", stranger.token()).status(),
                "not the stranger's application");
        assertEquals(0, exchange.it.support.Mailbox.textsTo(phone).size());
        assertEquals(202, Api.post("/api/user/kyc/applications/" + app + "/phone-code", "", t.token()).status());
        assertError(429, "CODE_RATE_LIMITED", Api.post("/api/user/kyc/applications/" + app + "/phone-code", "", t.token()));
        String code = exchange.it.support.Mailbox.latestTextCode(phone);

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertError(400, "CODE_INVALID", Api.post("/api/user/kyc/applications/" + app + "/phone-code/verify",
                "{\"code\":\"" + wrong + "\"}", t.token()));
        assertError(400, "VALIDATION_FAILED", Api.post("/api/user/kyc/applications/" + app + "/phone-code/verify",
                "{\"code\":\"12\"}", t.token()));
        assertEquals(404, Api.post("/api/user/kyc/applications/" + app + "/phone-code/verify",
                "{\"code\":\"" + code + "\"}", stranger.token()).status());
        assertEquals(0, Api.get("/api/user/kyc", t.token()).json().getInt("level"));

        Api.Reply verified = Api.post("/api/user/kyc/applications/" + app + "/phone-code/verify",
                "{\"code\":\"" + code + "\"}", t.token());
        assertEquals(200, verified.status(), verified.body());
        assertEquals("APPROVED", verified.json().getString("status"));
        assertEquals(1, Api.get("/api/user/kyc", t.token()).json().getInt("level"));
        assertError(409, "KYC_NOT_PENDING", Api.post("/api/user/kyc/applications/" + app + "/phone-code/verify",
                "{\"code\":\"" + code + "\"}", t.token()));
        Eventually.holds(Duration.ofSeconds(20), "KYCApproved audited", () -> Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log"
                + " WHERE event_type = 'KYCApproved' AND payload REGEXP ?", "\"userId\":" + t.id() + "[,}]") == 1);
    }

    private static BigDecimal balanceFrozen(Users.Trader t) {
        return Api.get("/api/wallet/accounts", t.token()).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("asset").equals("BTC")).findFirst().orElseThrow().getJsonNumber("frozen").bigDecimalValue();
    }

    private static HttpResponse<String> upload(Users.Trader t, long application, String kind, String type, byte[] content) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/user/kyc/applications/" + application + "/documents/" + kind))
                .header("Authorization", "Bearer " + t.token()).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
