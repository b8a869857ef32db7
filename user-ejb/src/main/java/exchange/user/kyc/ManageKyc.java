package exchange.user.kyc;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.KYCApproved;
import exchange.api.persistence.InstantConverter;
import exchange.api.user.Kyc;
import exchange.user.account.User;
import exchange.user.account.VerificationCodes;
import exchange.user.messaging.UserEventOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * KYC applications, their documents and their review. A document is read up to the size limit
 * and no further, its first bytes must be those of its declared type (PNG, JPEG or PDF), and it is
 * stored under its checksum in {@code exchange.kyc.storage-dir}, never in the database.
 */
@Stateless
public class ManageKyc implements Kyc {
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Map<String, byte[]> MAGIC = Map.of(
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a},
            "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @EJB
    private UserEventOutbox events;
    @EJB
    private exchange.api.engine.EngineGateway engine;
    @EJB
    private VerificationCodes codes;
    @Inject
    private SmsGateway sms;
    @Inject
    @ConfigProperty(name = "exchange.kyc.storage-dir")
    Optional<String> storageDir;
    @Inject
    @ConfigProperty(name = "exchange.kyc.max-document-bytes", defaultValue = "5242880")
    long maxBytes;

    @Override
    public int level(long userId) {
        User user = em.find(User.class, userId);
        return user == null ? 0 : user.kycLevel();
    }

    @Override
    public java.util.Map<Long, Integer> levelsAboveZero() {
        java.util.Map<Long, Integer> levels = new java.util.HashMap<>();
        for (Object row : em.createQuery("SELECT u.id, u.kycLevel FROM User u WHERE u.kycLevel > 0").getResultList()) {
            Object[] r = (Object[]) row;
            levels.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
        }
        return levels;
    }

    @Override
    public Status status(long userId) {
        int level = level(userId);
        List<ApplicationView> applications = em.createNativeQuery("SELECT id FROM exchange_user.kyc_applications WHERE user_id = ?1"
                + " ORDER BY id DESC").setParameter(1, userId).getResultList().stream()
                .map(id -> view(((Number) id).longValue())).toList();
        return new Status(level, levelName(level), applications);
    }

    @Override
    public ApplicationView apply(long userId, Application a) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.level() != user.kycLevel() + 1 || a.level() > 3) {
            throw new BusinessException(ErrorCode.KYC_LEVEL_INVALID, "You are at level " + user.kycLevel()
                    + (user.kycLevel() >= 3 ? ", the highest." : "; apply for level " + (user.kycLevel() + 1) + "."));
        }
        if (((Number) em.createNativeQuery("SELECT COUNT(*) FROM exchange_user.kyc_applications WHERE user_id = ?1"
                + " AND status = 'PENDING'").setParameter(1, userId).getSingleResult()).longValue() > 0) {
            throw new BusinessException(ErrorCode.KYC_PENDING);
        }
        String phone = a.phone() == null ? null : a.phone().replaceAll("[ ()-]", "");
        String country = a.country() == null ? null : a.country().trim().toUpperCase(Locale.ROOT);
        String name = a.fullName() == null ? null : a.fullName().trim();
        if (a.level() == 1 && (phone == null || !PHONE.matcher(phone).matches())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "phone: an international number, e.g. +4915112345678");
        }
        if (a.level() == 2 && (name == null || name.isEmpty() || name.length() > 128 || country == null || !COUNTRY.matcher(country).matches())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "fullName (at most 128 characters) and country (ISO 3166 alpha-2) are required");
        }
        em.createNativeQuery("INSERT INTO exchange_user.kyc_applications (user_id, level, status, full_name, country, phone, created_at)"
                        + " VALUES (?1, ?2, 'PENDING', ?3, ?4, ?5, NOW(6))")
                .setParameter(1, userId).setParameter(2, a.level()).setParameter(3, a.level() == 2 ? name : null)
                .setParameter(4, a.level() == 2 ? country : null).setParameter(5, a.level() == 1 ? phone : null).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        return view(id);
    }

    @Override
    public DocumentView upload(long userId, long applicationId, String kind, String contentType, InputStream content) {
        Object[] app = application(applicationId, true).filter(r -> ((Number) r[1]).longValue() == userId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No KYC application " + applicationId + "."));
        if (!"PENDING".equals(app[3])) {
            throw new BusinessException(ErrorCode.KYC_NOT_PENDING);
        }
        List<String> required = documentsOf(((Number) app[2]).intValue());
        if (kind == null || !required.contains(kind)) {
            throw new BusinessException(ErrorCode.DOCUMENT_INVALID, "kind: this level takes " + (required.isEmpty() ? "no documents" : required));
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        byte[] magic = MAGIC.get(type);
        if (magic == null) {
            throw new BusinessException(ErrorCode.DOCUMENT_INVALID, "Content-Type: image/png, image/jpeg or application/pdf");
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.DOCUMENT_INVALID, "the upload was cut off");
        }
        if (bytes.length == 0 || bytes.length > maxBytes) {
            throw new BusinessException(ErrorCode.DOCUMENT_INVALID, "a document is 1 byte to " + maxBytes + " bytes");
        }
        if (bytes.length < magic.length || !Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
            throw new BusinessException(ErrorCode.DOCUMENT_INVALID, "the content is not " + type);
        }
        String sha256 = sha256(bytes);
        String stored = applicationId + "-" + kind + "-" + sha256;
        store(stored, bytes);
        em.createNativeQuery("DELETE FROM exchange_user.kyc_documents WHERE application_id = ?1 AND kind = ?2")
                .setParameter(1, applicationId).setParameter(2, kind).executeUpdate();
        em.createNativeQuery("INSERT INTO exchange_user.kyc_documents (application_id, user_id, kind, content_type, size_bytes, sha256,"
                        + " stored_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NOW(6))")
                .setParameter(1, applicationId).setParameter(2, userId).setParameter(3, kind).setParameter(4, type)
                .setParameter(5, bytes.length).setParameter(6, sha256).setParameter(7, stored).executeUpdate();
        return documents(applicationId).stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Override
    public void sendPhoneCode(long userId, long applicationId) {
        String phone = pendingPhoneApplication(userId, applicationId);
        String subject = phoneSubject(userId, phone);
        String code = codes.issue(subject);
        try {
            sms.send(phone, "Your exchange verification code is " + code + ". It is valid for 5 minutes.");
        } catch (RuntimeException e) {
            codes.withdraw(subject);
            throw e;
        }
    }

    @Override
    public ApplicationView verifyPhone(long userId, long applicationId, String code) {
        String phone = pendingPhoneApplication(userId, applicationId);
        String subject = phoneSubject(userId, phone);
        codes.verify(subject, code);
        ApplicationView approved = review(applicationId, true, "sms", null);
        codes.consume(subject);
        return approved;
    }

    /** The phone of the user's own pending level-1 application; 404 for another's, 409 once decided. */
    private String pendingPhoneApplication(long userId, long applicationId) {
        Object[] app = application(applicationId, false).filter(a -> ((Number) a[1]).longValue() == userId
                        && ((Number) a[2]).intValue() == 1)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No level-1 application " + applicationId + " of yours."));
        if (!"PENDING".equals(app[3])) {
            throw new BusinessException(ErrorCode.KYC_NOT_PENDING);
        }
        return (String) app[6];
    }

    private static String phoneSubject(long userId, String phone) {
        return "phone:" + userId + ":" + phone;
    }

    @Override
    public List<ApplicationView> pending(int limit) {
        return em.createNativeQuery("SELECT id FROM exchange_user.kyc_applications WHERE status = 'PENDING' ORDER BY id")
                .setMaxResults(limit).getResultList().stream().map(id -> view(((Number) id).longValue())).toList();
    }

    /** Under the application's row lock: a double click cannot decide twice. */
    @Override
    public ApplicationView review(long applicationId, boolean approve, String operator, String reason) {
        Object[] app = application(applicationId, true)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No KYC application " + applicationId + "."));
        if (!"PENDING".equals(app[3])) {
            throw new BusinessException(ErrorCode.KYC_NOT_PENDING);
        }
        long userId = ((Number) app[1]).longValue();
        int level = ((Number) app[2]).intValue();
        if (approve) {
            List<String> have = documents(applicationId).stream().map(DocumentView::kind).toList();
            List<String> missing = documentsOf(level).stream().filter(k -> !have.contains(k)).toList();
            if (!missing.isEmpty()) {
                throw new BusinessException(ErrorCode.KYC_DOCUMENTS_MISSING, "missing: " + missing);
            }
            em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE).reachedKycLevel(level);
            // The engine applies the level's trading limits from the next order. Told inside this
            // transaction: a refusal rolls the approval back; should the commit fail after it, the
            // engine's start brings the levels back in line with this table.
            engine.setUserLevel(userId, level);
        } else if (reason == null || reason.isBlank()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "reason: a rejection needs one");
        }
        em.createNativeQuery("UPDATE exchange_user.kyc_applications SET status = ?2, reason = ?3, reviewed_by = ?4, reviewed_at = NOW(6)"
                        + " WHERE id = ?1").setParameter(1, applicationId).setParameter(2, approve ? "APPROVED" : "REJECTED")
                .setParameter(3, reason).setParameter(4, operator).executeUpdate();
        if (approve) {
            events.publish(new KYCApproved(userId, level, applicationId, operator, java.time.Instant.now()));
        }
        return view(applicationId);
    }

    private Optional<Object[]> application(long id, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT id, user_id, level, status, full_name, country, phone, reason, created_at, reviewed_at"
                + " FROM exchange_user.kyc_applications WHERE id = ?1" + (lock ? " FOR UPDATE" : "")).setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Object[]) rows.get(0));
    }

    private ApplicationView view(long id) {
        Object[] r = application(id, false).orElseThrow();
        int level = ((Number) r[2]).intValue();
        return new ApplicationView(id, ((Number) r[1]).longValue(), level, (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], documentsOf(level), documents(id), InstantConverter.fromColumn(r[8]),
                r[9] == null ? null : InstantConverter.fromColumn(r[9]));
    }

    private List<DocumentView> documents(long applicationId) {
        List<?> rows = em.createNativeQuery("SELECT id, kind, content_type, size_bytes, sha256, created_at FROM exchange_user.kyc_documents"
                + " WHERE application_id = ?1 ORDER BY id").setParameter(1, applicationId).getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new DocumentView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), (String) r[4], InstantConverter.fromColumn(r[5]))).toList();
    }

    private List<String> documentsOf(int level) {
        List<?> rows = em.createNativeQuery("SELECT documents FROM exchange_user.kyc_levels WHERE level = ?1").setParameter(1, level)
                .getResultList();
        return rows.isEmpty() ? List.of() : Arrays.stream(((String) rows.get(0)).split(",")).filter(s -> !s.isBlank()).toList();
    }

    private String levelName(int level) {
        List<?> rows = em.createNativeQuery("SELECT name FROM exchange_user.kyc_levels WHERE level = ?1").setParameter(1, level).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Written to a temporary file and moved into place, so a half-written document is never seen. */
    private void store(String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(Path.of(storageDir.filter(d -> !d.isBlank())
                    .orElse(System.getProperty("java.io.tmpdir") + "/exchange-kyc")));
            Path tmp = Files.createTempFile(dir, "upload-", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("KYC document storage failed: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
