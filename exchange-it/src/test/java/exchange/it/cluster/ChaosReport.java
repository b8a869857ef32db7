package exchange.it.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a chaos run did and what the books said afterwards; {@link #problems()} is empty when nothing was lost or doubled. */
public record ChaosReport(ChaosRun.Settings settings, String symbol, double loadSeconds, long acceptedPlaces, long unknownPlaces,
                          long unknownApplied, long refusedButPlaced, long acceptedCancels, long acceptedCredits,
                          long lostPlaces, long lostCancels, long lostCredits, long doubledPlaces, long negativeBalances,
                          long unbalancedAssets, Map<String, BigDecimal[]> conservation, long frozenMismatches,
                          long fillMismatches, long trades, long liveHash, long replayHash, long journalPosition,
                          boolean replayEqualsProjection, String replayOutput, List<ChaosRun.Fault> faults,
                          Map<String, Long> refusals, Map<String, Long> reads, ChainActivity.Result chain) {

    /** Every broken promise, in words; empty when the run kept them all. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (lostPlaces + lostCancels + lostCredits > 0) {
            out.add("lost: " + lostPlaces + " orders, " + lostCancels + " cancels, " + lostCredits + " credits answered as accepted");
        }
        if (doubledPlaces > 0) {
            out.add("doubled: " + doubledPlaces + " client order ids placed more than once");
        }
        if (refusedButPlaced > 0) {
            out.add(refusedButPlaced + " orders refused with a 4xx were placed all the same");
        }
        if (negativeBalances > 0) {
            out.add(negativeBalances + " negative user balances");
        }
        if (unbalancedAssets > 0) {
            out.add(unbalancedAssets + " assets whose accounts do not sum to zero (double entry broken)");
        }
        conservation.forEach((asset, v) -> {
            if (v[0].compareTo(v[1].add(v[2])) != 0) {
                out.add(asset + " not conserved: credited " + v[0].toPlainString() + ", held " + v[1].toPlainString()
                        + " + fees " + v[2].toPlainString());
            }
        });
        if (frozenMismatches > 0) {
            out.add(frozenMismatches + " accounts whose frozen funds are not what their open orders need");
        }
        if (fillMismatches > 0) {
            out.add(fillMismatches + " orders whose fills are not their trades");
        }
        if (liveHash != replayHash) {
            out.add("the live engine (hash " + liveHash + ") differs from a replay of its journal to position " + journalPosition
                    + " (hash " + replayHash + ")");
        }
        if (!replayEqualsProjection) {
            out.add("the journal's replayed balances differ from the wallet's projection: " + replayOutput);
        }
        out.addAll(chain.problems());
        for (ChaosRun.Fault f : faults) {
            if (f.kind() == ChaosRun.FaultKind.KILL_LEADER && (f.takeoverMillis() < 0 || f.takeoverMillis() > 5_000)) {
                out.add("takeover after killing " + f.instance() + " took " + f.takeoverMillis() + " ms (goal: within 5 000)");
            }
            if (f.kind() == ChaosRun.FaultKind.KILL_BROKER_MASTER && (f.takeoverMillis() < 0 || f.ordersAgainMillis() < 0)) {
                out.add("after killing the broker master " + f.instance() + " no replica became master or no order was accepted"
                        + " within a minute (" + f.takeoverMillis() + " ms, " + f.ordersAgainMillis() + " ms)");
            }
            if (f.rejoinedMillis() < 0) {
                out.add(f.instance() + " did not rejoin as a standby after its restart");
            }
        }
        return out;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("chaos run: seed %d, %.0f s of load by %d clients over %d traders on %s%n", settings.seed(),
                loadSeconds, settings.clients(), settings.users(), symbol));
        for (ChaosRun.Fault f : faults) {
            boolean broker = f.kind() == ChaosRun.FaultKind.KILL_BROKER_MASTER;
            if (f.kind() == ChaosRun.FaultKind.BOUNCE_DB_REPLICA) {
                b.append(String.format("  fault at %5.1f s: %-18s stopped 5 s: orders accepted %d ms after the stop; replica restarted in %d ms%n",
                        f.atSecond(), f.kind(), f.ordersAgainMillis(), f.rejoinedMillis()));
                continue;
            }
            b.append(String.format("  fault at %5.1f s: %-18s %s: %s after %d ms, traders' orders accepted again after %d ms,"
                    + " %s back as %s %d ms after its restart began%n", f.atSecond(), f.kind(), f.instance(),
                    broker ? "the other replica was master" : "survivor led", f.takeoverMillis(), f.ordersAgainMillis(),
                    f.instance(), broker ? "replica" : "standby", f.rejoinedMillis()));
        }
        b.append(String.format("accepted: %d orders, %d cancels, %d credits; %d orders unanswered (%d of them were placed), %d trades%n",
                acceptedPlaces, acceptedCancels, acceptedCredits, unknownPlaces, unknownApplied, trades));
        b.append("refused or unanswered by kind: ").append(refusals).append('\n');
        b.append("history reads (klines, recent trades) by HTTP status: ").append(reads).append('\n');
        b.append(chain.text());
        b.append(String.format("lost: %d (orders %d, cancels %d, credits %d)%n", lostPlaces + lostCancels + lostCredits, lostPlaces,
                lostCancels, lostCredits));
        b.append(String.format("doubled: %d; refused yet placed: %d%n", doubledPlaces, refusedButPlaced));
        b.append(String.format("negative balances: %d; assets not summing to zero: %d; frozen != open orders' need: %d;"
                + " fills != trades: %d%n", negativeBalances, unbalancedAssets, frozenMismatches, fillMismatches));
        conservation.forEach((asset, v) -> b.append(String.format("conservation %s: credited %s = held %s + fees %s: %s%n", asset,
                v[0].stripTrailingZeros().toPlainString(), v[1].stripTrailingZeros().toPlainString(),
                v[2].stripTrailingZeros().toPlainString(), v[0].compareTo(v[1].add(v[2])) == 0 ? "exact" : "DIFFERS")));
        b.append(String.format("engine = replay of its journal to position %d: %s (hash %d); replayed balances = wallet projection: %s%n",
                journalPosition, liveHash == replayHash ? "yes" : "NO", liveHash, replayEqualsProjection ? "yes" : "NO"));
        List<String> problems = problems();
        b.append(problems.isEmpty() ? "RESULT: nothing lost, nothing doubled, the books balance\n" : "RESULT: FAILED\n  - "
                + String.join("\n  - ", problems) + "\n");
        return b.toString();
    }
}
