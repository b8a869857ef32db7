package exchange.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/** Formatting for the report; the figures themselves come from the runners. */
final class Report {
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void title(String text) {
        out.println();
        out.println("== " + text);
    }

    void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    void flush() {
        out.flush();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double best(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static String mops(double opsPerSecond) {
        return String.format(Locale.ROOT, "%.3f M ops/s", opsPerSecond / 1e6);
    }

    static String runs(double[] opsPerSecond) {
        StringBuilder b = new StringBuilder();
        for (double v : opsPerSecond) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v / 1e6));
        }
        return b.append(" M ops/s").toString();
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
