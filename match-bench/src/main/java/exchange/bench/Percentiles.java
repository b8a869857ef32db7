package exchange.bench;

import java.util.Arrays;

/** Latency percentiles from raw nanosecond samples (sorted in place: a few million longs sort in well under a second). */
final class Percentiles {
    final int samples;
    final long p50;
    final long p90;
    final long p99;
    final long p999;
    final long max;
    final double mean;

    private Percentiles(long[] sorted, int n) {
        samples = n;
        p50 = at(sorted, n, 0.50);
        p90 = at(sorted, n, 0.90);
        p99 = at(sorted, n, 0.99);
        p999 = at(sorted, n, 0.999);
        max = sorted[n - 1];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
        }
        mean = sum / n;
    }

    static Percentiles of(long[] nanos, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no samples");
        }
        Arrays.sort(nanos, 0, n);
        return new Percentiles(nanos, n);
    }

    /** Nearest-rank: the smallest sample that at least {@code q} of all samples do not exceed. */
    private static long at(long[] sorted, int n, double q) {
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n, rank) - 1)];
    }

    String format() {
        return String.format("p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  (mean %s, %,d samples)",
                micros(p50), micros(p90), micros(p99), micros(p999), micros(max), micros((long) mean), samples);
    }

    static String micros(long nanos) {
        return nanos < 10_000 ? String.format("%.2f µs", nanos / 1e3) : String.format("%,.1f µs", nanos / 1e3);
    }
}
