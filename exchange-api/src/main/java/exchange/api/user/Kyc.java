package exchange.api.user;

import jakarta.ejb.Local;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * KYC (seed: KYC认证): levels 0–3 (e-mail verified at sign-up; a phone number; an identity
 * document and a selfie; a proof of address), each reached in turn through an application an
 * operator approves or rejects. Documents are stored outside the database, checksummed, and
 * size- and type-checked. Other modules ask {@link #level} (the wallet's withdrawal limits).
 */
@Local
public interface Kyc {
    int level(long userId);

    /** Every user above level 0 with their level: what the matching engine applies trading limits by. */
    java.util.Map<Long, Integer> levelsAboveZero();

    Status status(long userId);

    /** For the next level only (400 KYC_LEVEL_INVALID), one pending application at a time (409 KYC_PENDING). */
    ApplicationView apply(long userId, Application application);

    /** kind: one the level asks for; contentType image/png, image/jpeg or application/pdf, matching the bytes. */
    DocumentView upload(long userId, long applicationId, String kind, String contentType, InputStream content);

    /**
     * Level 1 is a verified phone: a one-time code by text message to the phone of the user's
     * pending level-1 application (at most one a minute, valid five minutes).
     */
    void sendPhoneCode(long userId, long applicationId);

    /** The right code approves the level-1 application at once (reviewer "sms"): level 1, KYCApproved. */
    ApplicationView verifyPhone(long userId, long applicationId, String code);

    List<ApplicationView> pending(int limit);

    /** Approval needs every document of the level; a rejection needs a reason. KYCApproved on approval. */
    ApplicationView review(long applicationId, boolean approve, String operator, String reason);

    record Application(int level, String fullName, String country, String phone) {
    }

    record ApplicationView(long id, long userId, int level, String status, String fullName, String country, String phone,
                           String reason, List<String> requiredDocuments, List<DocumentView> documents, Instant createdAt,
                           Instant reviewedAt) {
    }

    record DocumentView(long id, String kind, String contentType, long size, String sha256, Instant uploadedAt) {
    }

    record Status(int level, String levelName, List<ApplicationView> applications) {
    }
}
