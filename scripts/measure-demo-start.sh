#!/usr/bin/env bash
# Measures the start of the demo's simulated pair headless: `mtc-assistant simulate` (the same
# SimulatedEnvironment.startDemoPair as --demo) from the spawn of java until both clusters answer /version.
# Prints per run the wall time to simulate's ready line, the wall time until both /version answers, and the CPU time
# (user+sys, all threads, from /proc) used by then; then the medians and the load average.
# Runs from target/classes and target/lib (mvn compile, and `mvn package` or dependency:copy-dependencies for lib).
#
# usage: RUNS=3 scripts/measure-demo-start.sh
#   JAVA (default java), JAVA_OPTS (extra JVM options), JFR=DIR (a JFR profile per run into DIR)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
java=${JAVA:-java}
[ -d "$root/target/classes" ] && [ -d "$root/target/lib" ] \
    || { echo "measure-demo-start: target/classes or target/lib is missing; run 'mvn package -DskipTests' first" >&2; exit 2; }
work=$(mktemp -d /tmp/mtc-demo-start.XXXXXX)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ms() { local stat; read -r -a stat <"/proc/$1/stat"; echo $(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
# answers KUBECONFIG CONTEXT...: true once each context's server answers /version with the kubeconfig's credentials
answers() {
    python3 - "$@" <<'EOF'
import base64, json, ssl, sys, tempfile, urllib.request, yaml
config = yaml.safe_load(open(sys.argv[1]))
for name in sys.argv[2:]:
  ctx = next(c["context"] for c in config["contexts"] if c["name"] == name)
  cluster = next(c["cluster"] for c in config["clusters"] if c["name"] == ctx["cluster"])
  user = next(u["user"] for u in config["users"] if u["name"] == ctx["user"])
  tls = ssl.create_default_context(cadata=base64.b64decode(cluster["certificate-authority-data"]).decode())
  if cluster.get("tls-server-name"):
      tls.check_hostname = False  # the certificate names the cluster's own host name; the CA is still checked
  request = urllib.request.Request(cluster["server"] + "/version")
  if "token" in user:
      request.add_header("Authorization", "Bearer " + user["token"])
  with tempfile.NamedTemporaryFile("w") as cert, tempfile.NamedTemporaryFile("w") as key:
      if "client-certificate-data" in user:
          cert.write(base64.b64decode(user["client-certificate-data"]).decode()); cert.flush()
          key.write(base64.b64decode(user["client-key-data"]).decode()); key.flush()
          tls.load_cert_chain(cert.name, key.name)
      json.load(urllib.request.urlopen(request, context=tls, timeout=10))
EOF
}

ready_walls=() version_walls=() cpus=()
for run in $(seq 1 "$runs"); do
    out=$work/run-$run.log
    kubeconfig=$work/run-$run.kubeconfig
    opts=${JAVA_OPTS:-}
    [ -n "${JFR:-}" ] && mkdir -p "$JFR" && opts="$opts -XX:StartFlightRecording=filename=$JFR/run-$run.jfr,settings=profile"
    start=$(now_ms)
    # shellcheck disable=SC2086  # opts is a list of options
    "$java" $opts -cp "$root/target/classes:$root/target/lib/*" io.mtcassistant.Launcher \
        simulate --write-kubeconfig "$kubeconfig" >"$out" 2>&1 &
    pid=$!
    deadline=$(( $(date +%s) + 180 ))
    until grep -q '^Simulated clusters ready:' "$out"; do
        kill -0 "$pid" 2>/dev/null || { echo "run $run: simulate exited:" >&2; cat "$out" >&2; exit 1; }
        (( $(date +%s) < deadline )) || { echo "run $run: not ready within 180 s" >&2; exit 1; }
        sleep 0.02
    done
    ready=$(( $(now_ms) - start ))
    answers "$kubeconfig" sim-source sim-target
    answered=$(( $(now_ms) - start ))
    cpu=$(cpu_ms "$pid")
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    ready_walls+=("$ready") version_walls+=("$answered") cpus+=("$cpu")
    echo "run $run: ready line after ${ready} ms, both /version answered after ${answered} ms, ${cpu} ms CPU"
done
echo "median of $runs: ready line $(median "${ready_walls[@]}") ms, /version $(median "${version_walls[@]}") ms," \
    "CPU $(median "${cpus[@]}") ms; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
