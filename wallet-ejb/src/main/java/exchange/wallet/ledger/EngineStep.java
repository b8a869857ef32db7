package exchange.wallet.ledger;

import exchange.api.engine.EngineResults;
import exchange.api.engine.EngineResults.Moved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moves one engine command made for one business step (an order's hold, a trade, a deposit,
 * ...): posted together, as one balanced posting.
 */
record EngineStep(long sequence, String cause, long ref, String symbol, List<Moved> moves) {
    static final String TRADE = "TRADE";

    private record Key(long sequence, String cause, long ref, String symbol) {
    }

    /** In the entry's order. A trade's fee moves belong to the trade: its legs only balance together. */
    static List<EngineStep> of(EngineResults entry) {
        if (entry.moves() == null) {
            return List.of();
        }
        Map<Key, EngineStep> steps = new LinkedHashMap<>();
        for (Moved m : entry.moves()) {
            String cause = "TRADE_FEE".equals(m.cause()) ? TRADE : m.cause();
            steps.computeIfAbsent(new Key(m.sequence(), cause, m.ref(), m.symbol()),
                    k -> new EngineStep(k.sequence(), k.cause(), k.ref(), k.symbol(), new ArrayList<>())).moves().add(m);
        }
        return List.copyOf(steps.values());
    }
}
