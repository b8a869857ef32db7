package exchange.user.apikey;

import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.event.SecurityUpdated;
import exchange.api.user.ApiKeys;
import exchange.user.messaging.UserEventOutbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Creates, lists and deletes a user's API keys, and checks the signed requests made with them. */
@Stateless
public class ManageApiKeys implements ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}");
    private static final int MAX_IPS = 30;

    @PersistenceContext(unitName = "user")
    private EntityManager em;
    @Inject
    private SecretBox box;
    @jakarta.ejb.EJB
    private UserEventOutbox events;
    @Inject
    private LiveKeys liveKeys;

    @Override
    public Created create(long userId, String label, Set<Permission> permissions, List<String> ipWhitelist) {
        if (label != null && label.length() > 64) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "label: at most 64 characters");
        }
        List<String> ips = ipWhitelist == null ? List.of() : ipWhitelist.stream().map(String::trim).distinct().toList();
        if (ips.size() > MAX_IPS || ips.stream().anyMatch(ip -> !IPV4.matcher(ip).matches() && !(ip.contains(":") && IPV6.matcher(ip).matches()))) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "ipWhitelist: at most " + MAX_IPS + " literal IPv4 or IPv6 addresses");
        }
        if (permissions != null && permissions.contains(Permission.WITHDRAW) && ips.isEmpty()) {
            // A stolen key that may withdraw must still be useless from anywhere else (Binance's rule too).
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "ipWhitelist: a key that may withdraw needs the addresses it is used from");
        }
        if (em.createNamedQuery(ApiKey.OF_USER, ApiKey.class).setParameter("userId", userId).getResultList().size() >= MAX_KEYS_PER_USER) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "at most " + MAX_KEYS_PER_USER + " API keys per account");
        }
        // Reading is what every key can do (as on Binance); trading and withdrawing are granted.
        Set<Permission> granted = EnumSet.of(Permission.READ);
        if (permissions != null) {
            granted.addAll(permissions);
        }
        String secret = random(64);
        ApiKey key = new ApiKey(userId, random(64), box.seal(secret.getBytes(StandardCharsets.US_ASCII)),
                label == null || label.isBlank() ? null : label.trim(), granted, ips);
        em.persist(key);
        em.flush();
        events.publish(new SecurityUpdated(userId, "API_KEY_CREATED", java.time.Instant.now()));
        KeyView view = key.view();
        return new Created(view.id(), view.apiKey(), secret, view.label(), view.permissions(), view.ipWhitelist(), view.createdAt());
    }

    @Override
    public List<KeyView> list(long userId) {
        return em.createNamedQuery(ApiKey.OF_USER, ApiKey.class).setParameter("userId", userId).getResultList().stream()
                .map(ApiKey::view).toList();
    }

    @Override
    public void delete(long userId, long keyId) {
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || key.userId() != userId) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No API key " + keyId + ".");
        }
        em.remove(key);
        liveKeys.forgetKey(key.apiKey());
        events.publish(new SecurityUpdated(userId, "API_KEY_DELETED", java.time.Instant.now()));
    }

    // No transaction of its own: a remembered key needs none, and a lookup only reads.
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Verified identify(String apiKey, String clientIp) {
        LiveKeys.Live key = live(apiKey, clientIp);
        return new Verified(key.userId(), key.keyId(), key.permissions());
    }

    /** The key, checked lately (see {@link LiveKeys}) or now: it exists, its owner is active, the address is allowed. */
    private LiveKeys.Live live(String apiKey, String clientIp) {
        LiveKeys.Live live = apiKey == null ? null : liveKeys.get(apiKey);
        if (live == null) {
            ApiKey key = em.createNamedQuery(ApiKey.BY_KEY, ApiKey.class).setParameter("apiKey", apiKey).getResultStream()
                    .findFirst().orElseThrow(ManageApiKeys::rejected);
            exchange.user.account.User owner = em.find(exchange.user.account.User.class, key.userId());
            if (owner == null || !"ACTIVE".equals(owner.status())) {
                throw rejected(); // a frozen user's keys are refused with everything else of theirs
            }
            live = new LiveKeys.Live(key.id(), key.userId(), Set.copyOf(key.permissions()), key.ipWhitelist(),
                    box.open(key.secret()), System.nanoTime());
            liveKeys.put(apiKey, live);
        }
        if (!live.ipWhitelist().isEmpty() && !live.ipWhitelist().contains(clientIp)) {
            throw rejected();
        }
        return live;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Verified verify(String apiKey, String payload, String signature, String clientIp, Permission needed) {
        LiveKeys.Live key = live(apiKey, clientIp);
        if (!key.permissions().contains(needed)) {
            throw rejected();
        }
        byte[] expected = hmac(key.secret(), payload);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature == null ? "" : signature.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.SIGNATURE_INVALID, "Signature for this request is not valid.");
        }
        // Constant time: how much of a guess matched must not show in the answer's timing.
        if (!MessageDigest.isEqual(expected, given)) {
            throw new BusinessException(ErrorCode.SIGNATURE_INVALID, "Signature for this request is not valid.");
        }
        return new Verified(key.userId(), key.keyId(), key.permissions());
    }

    private static byte[] hmac(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BusinessException rejected() {
        return new BusinessException(ErrorCode.API_KEY_REJECTED, "Invalid API-key, IP, or permissions for action.");
    }

    private static String random(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
