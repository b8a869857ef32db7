package exchange.user.apikey;

import exchange.api.user.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * The API keys this node has lately checked, with their owner and opened secret, so a client
 * that signs every request (Binance's REST face, and its WebSocket API's {@code order.place})
 * costs no query and no decryption each time: the key's lookup was a sixth of the WebSocket
 * order path's CPU in a profile under load.
 *
 * <p>What it costs: a key deleted or a user frozen on another node of the cluster still works
 * here until its entry is {@code exchange.api-keys.cache-seconds} old (default 5). On this node
 * deleting a key or freezing its owner forgets it at once. Unknown keys are never remembered,
 * so a guessed key always meets the database (and the request limits).
 */
@ApplicationScoped
public class LiveKeys {
    /** Bounds the memory a flood of valid keys can take; past it the map starts again. */
    private static final int MAX_ENTRIES = 100_000;

    @Inject
    @ConfigProperty(name = "exchange.api-keys.cache-seconds", defaultValue = "5")
    long cacheSeconds;

    private final Map<String, Live> byKey = new ConcurrentHashMap<>();

    /** A checked key: whose it is, what it may do, where from, and its secret opened. */
    record Live(long keyId, long userId, Set<ApiKeys.Permission> permissions, List<String> ipWhitelist, byte[] secret,
                long checkedAtNanos) {
    }

    Live get(String apiKey) {
        Live live = byKey.get(apiKey);
        if (live == null || System.nanoTime() - live.checkedAtNanos() > cacheSeconds * 1_000_000_000L) {
            return null;
        }
        return live;
    }

    void put(String apiKey, Live live) {
        if (cacheSeconds <= 0) {
            return;
        }
        if (byKey.size() >= MAX_ENTRIES) {
            byKey.clear();
        }
        byKey.put(apiKey, live);
    }

    public void forgetKey(String apiKey) {
        byKey.remove(apiKey);
    }

    /** The owner was frozen: none of their keys may pass on a remembered check. */
    public void forgetUser(long userId) {
        byKey.values().removeIf(l -> l.userId() == userId);
    }
}
