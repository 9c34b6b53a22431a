#!/usr/bin/env bash
# Scale benchmark of the Monitor step (not part of the tests; CI never runs it).
#   scripts/bench-monitor.sh [SECONDS=60] [PLANS=200] [MIGRATIONS=1000] [RATE=1000]
# A simulated control cluster with PLANS MigPlans and MIGRATIONS MigMigrations and the simulated load writing RATE
# status updates per second for SECONDS run in a child JVM; this JVM holds only the Monitor page, open under Monocle
# (headless) and watching that cluster. Prints the update rate reached next to the goal (and says when it was not
# reached), the FX latency (runLater round trip and pulse gaps) p50/p99, the server-to-screen delay p50/p99, heap,
# the CPU of both JVMs and the machine's load average while measuring.
# Goals: the rate within 95%, FX p99 < 100 ms, server-to-screen p99 < 1 s, heap < 512 MB; exits 1 when one is
# missed (the last line says which). Needs java 17 and maven (offline).
set -euo pipefail

SECONDS_=${1:-60}
PLANS=${2:-200}
MIGRATIONS=${3:-1000}
RATE=${4:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

echo "== compiling (offline)"
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-monitor.classpath >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-monitor.classpath)"

echo "== running (Monocle headless; the simulated API server and the load run in a child JVM)"
exec java -Xmx512m -cp "$CP" \
  io.mtcassistant.ui.steps.monitor.MonitorScaleBenchmark "$SECONDS_" "$PLANS" "$MIGRATIONS" "$RATE"
