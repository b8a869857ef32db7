package exchange.it.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./exchange replay [args]}: the engine rebuilt from its journal alone, in another process.
 * The build of {@code ./exchange test} already packaged the tool: no Maven inside the test run.
 */
public final class JournalReplayTool {
    private JournalReplayTool() {
    }

    /** Its exit status (-1: it did not finish in time) and everything it printed. */
    public record Replayed(int exit, String output) {
        /** The state hash it printed, or {@code Long.MIN_VALUE} when it printed none. */
        public long hash() {
            Matcher m = Pattern.compile("state hash: (-?\\d+)").matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : Long.MIN_VALUE;
        }
    }

    public static Replayed run(String... args) throws Exception {
        File root = new File(System.getProperty("exchange.root", "."));
        List<String> command = new ArrayList<>(List.of("bash", new File(root, "exchange").getPath(), "replay"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root).redirectErrorStream(true);
        pb.environment().put("BENCH_SKIP_BUILD", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Replayed(-1, output + "\n(replay did not finish in 300 s)");
        }
        return new Replayed(p.exitValue(), output);
    }
}
