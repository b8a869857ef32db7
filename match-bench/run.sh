#!/usr/bin/env bash
# Builds match-singleton and match-bench, then runs the engine benchmark:
#   bash match-bench/run.sh [key=value ...]      e.g. commands=1000000 runs=5 seed=7
#   bash match-bench/run.sh snapshot [orders=1000000] [users=100000] [heap=1g]   start from a snapshot
# Parameters: seed warmup commands users orders price runs core coreBook latencyCommands
# latencyRate timeout (see BenchConfig). The last line of output is
#   engine/exchange-core throughput ratio: X.XX
# Exit status: 0 ok, 1 the engines disagreed or refused commands, 2 bad arguments.
# Set BENCH_SKIP_BUILD=1 to reuse the last build, BENCH_JAVA_OPTS to replace the heap settings.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # -am also builds exchange-api (match-singleton compiles against it); package, not install:
  # the benchmark runs from target/, so nothing needs to land in ~/.m2. Serialised with any other
  # Maven build on this 2-core machine.
  flock /tmp/mvn.lock mvn -B -ntp -q -Dstyle.color=never -f "$root/pom.xml" \
    package -DskipTests -pl match-singleton,match-bench -am
fi

jar="$(ls "$here"/target/match-bench-*.jar | head -n 1)"

# exchange-core 0.5.3 on JDK 17: without these opens its first command fails inside the
# disruptor and the pipeline hangs.
opens=(
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.base/java.nio=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED
  --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
)
# A fixed heap keeps resizing out of the timings; 4 GB holds a 5M-command stream plus
# exchange-core's command objects.
read -r -a heap <<< "${BENCH_JAVA_OPTS:--Xms4g -Xmx4g}"

main=exchange.bench.EngineBenchmark
if [[ "${1:-}" == replay ]]; then
  shift
  # The engine's state from its journal alone: no exchange-core, a small heap is plenty.
  exec java -Xmx1g -cp "$jar:$here/target/lib/*" exchange.bench.JournalReplay "$@"
fi
if [[ "${1:-}" == snapshot ]]; then
  shift
  main=exchange.bench.SnapshotStartBench
fi
exec java "${heap[@]}" "${opens[@]}" -cp "$jar:$here/target/lib/*" "$main" "$@"
