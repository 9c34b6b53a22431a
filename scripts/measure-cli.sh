#!/usr/bin/env bash
# Measures the start-up goals of issue 9 and prints a table (median of RUNS, default 5; wall time in ms):
#   --version and --help (java -jar and the packaged app), clusters and check on the running simulated pair,
#   10 x `clusters --output json` against 10 x `kubectl version` on both simulated clusters, and with a display
#   (Xvfb) the packaged window and --demo until the simulated clusters are started.
# The simulated pair is started once (java -jar ... simulate) and stays warm for all runs.
# Timings are printed, never asserted (the machine is shared and noisy: compare ratios, see the load average).
#
# usage: scripts/measure-cli.sh [--app PATH] [--short]
#   --app PATH  the packaged launcher (default: /usr/bin/mtc-assistant, else target/package/app-image/...)
#   --short     one run each and a loop of 3: the CI version
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging-lib.sh
. "$root/scripts/packaging-lib.sh"
runs=${RUNS:-5}
loop=10
app=
while [ $# -gt 0 ]; do
    case "$1" in
        --app) app=$2; shift ;;
        --short) runs=1; loop=3 ;;
        *) echo "usage: $0 [--app PATH] [--short]" >&2; exit 2 ;;
    esac
    shift
done
jar=$root/target/mtc-assistant.jar
[ -f "$jar" ] || { echo "measure-cli: $jar is missing; run 'mvn package -DskipTests' first" >&2; exit 2; }
if [ -z "$app" ]; then
    for candidate in /usr/bin/mtc-assistant "$root/target/package/app-image/mtc-assistant/bin/mtc-assistant"; do
        [ -x "$candidate" ] && { app=$candidate; break; }
    done
fi

work=$(mktemp -d /tmp/mtc-measure.XXXXXX)
sim_pid=
cleanup() {
    stop_app 2>/dev/null || true
    stop_xvfb 2>/dev/null || true
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache HOME=$work/home
mkdir -p "$HOME"

median_of() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
rows=()
row() { rows+=("$(printf '%-52s %8s %s' "$1" "$2" "${3:-}")"); printf '%-52s %8s %s\n' "$1" "$2" "${3:-}"; }

# timed LABEL OK_CODES CMD...: median wall ms of $runs runs; OK_CODES like "0" or "0 1"
timed() {
    local label=$1 ok=$2 times=() i start code; shift 2
    for i in $(seq 1 "$runs"); do
        start=$(now_ms)
        code=0; "$@" >"$work/out.txt" 2>"$work/err.txt" || code=$?
        times+=($(( $(now_ms) - start )))
        if [[ " $ok " != *" $code "* ]]; then
            row "$label" "exit $code" "$(head -c 200 "$work/err.txt" | tr '\n' ' ')"
            return 0
        fi
    done
    row "$label" "$(median_of "${times[@]}")" "(${times[*]})"
}

echo "measure-cli: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); java -jar on $(java -version 2>&1 | head -1)"
echo "measure-cli: packaged app: ${app:-none}; runs: $runs"
printf '%-52s %8s %s\n' "what" "ms" "(each run)"
timed "java -jar --version" 0 java -jar "$jar" --version
timed "java -jar --help" 0 java -jar "$jar" --help
if [ -n "$app" ]; then
    timed "packaged --version" 0 "$app" --version
    timed "packaged --help" 0 "$app" --help
fi

java -jar "$jar" simulate --write-kubeconfig "$work/kubeconfig" >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 600); do
    grep -q 'Simulated clusters ready' "$work/sim.log" && break
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.2
done
if ! grep -q 'Simulated clusters ready' "$work/sim.log"; then
    echo "measure-cli: the simulated clusters did not start:" >&2; cat "$work/sim.log" >&2; exit 1
fi
kc=$work/kubeconfig
# check exits 1 on this pair (the MTC version needs a decision): that is its answer, not a failure
timed "java -jar clusters (simulated pair)" 0 java -jar "$jar" clusters --kubeconfig "$kc"
timed "java -jar check (simulated pair)" "0 1" java -jar "$jar" check --kubeconfig "$kc" --source sim-source --target sim-target
if [ -n "$app" ]; then
    timed "packaged clusters (simulated pair)" 0 "$app" clusters --kubeconfig "$kc"
    timed "packaged check (simulated pair)" "0 1" "$app" check --kubeconfig "$kc" --source sim-source --target sim-target
fi

clusters_loop() { local i; for i in $(seq 1 "$loop"); do "$@" clusters --kubeconfig "$kc" --output json >/dev/null || return 1; done; }
kubectl_loop() {
    local i c
    for i in $(seq 1 "$loop"); do
        for c in sim-source sim-target; do kubectl --kubeconfig "$kc" --context "$c" version -o json >/dev/null || return 1; done
    done
}
if command -v kubectl >/dev/null 2>&1; then
    timed "$loop x kubectl version (both clusters)" 0 kubectl_loop
    kubectl_ms=${rows[-1]:52:9}
    if [ -n "$app" ]; then timed "$loop x packaged clusters --output json" 0 clusters_loop "$app"; else
        timed "$loop x java -jar clusters --output json" 0 clusters_loop java -jar "$jar"; fi
    clusters_ms=${rows[-1]:52:9}
    if [[ ${kubectl_ms// /} =~ ^[0-9]+$ && ${clusters_ms// /} =~ ^[0-9]+$ ]]; then
        row "  ratio clusters loop / kubectl loop (goal <= 3)" "$(awk -v a="$clusters_ms" -v b="$kubectl_ms" 'BEGIN {printf "%.1f", a / b}')"
    fi
else
    echo "measure-cli: no kubectl (Debian package kubernetes-client): the loop comparison is skipped"
fi

if [ -n "$app" ] && [ "$runs" -gt 1 ] && start_xvfb; then
    window=() demo=()
    for i in $(seq 1 "$runs"); do
        rm -rf "$work/state"
        if launch_until_window "$work/window.log" 120 "$app"; then window+=("$SHOWN_MS"); fi
        stop_app
        rm -rf "$work/state"
        start=$(now_ms)
        if launch_until_window "$work/demo.log" 120 "$app" --demo; then
            for _ in $(seq 1 600); do
                grep -q 'Start-up: demo clusters started' "$work/state/mtc-assistant/mtc-assistant.log" 2>/dev/null && {
                    demo+=($(( $(now_ms) - start ))); break; }
                kill -0 "$APP_PID" 2>/dev/null || break
                sleep 0.05
            done
        fi
        stop_app
    done
    [ ${#window[@]} -gt 0 ] && row "packaged window shown" "$(median_of "${window[@]}")" "(${window[*]})"
    [ ${#demo[@]} -gt 0 ] && row "packaged --demo: simulated clusters started" "$(median_of "${demo[@]}")" "(${demo[*]})"
    stop_xvfb
fi
echo "measure-cli: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
