#!/usr/bin/env bash
# Measures how long `java -jar target/mtc-assistant.jar --demo` takes to show its window.
#
# Builds the jar if it is missing or older than the sources, then starts the app RUNS times (default 5) under one
# Xvfb server (xvfb-run -a, so the X server's own start is not counted). Each run is timed from the moment java is
# spawned until the app prints "MTC-ASSISTANT-WINDOW-SHOWN <ms since JVM start>" (it does so only with
# -Dmtc.startup.marker=true, after the first frame of the window). Prints every run and the medians.
# Extra JVM options (for example a class-data-sharing archive) can be passed in JAVA_OPTS.
# Settings, logs and caches go to a temporary folder, so the user's own settings are neither read nor changed.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
TIMEOUT_S=${TIMEOUT_S:-60}
JAR=target/mtc-assistant.jar
MARKER=MTC-ASSISTANT-WINDOW-SHOWN

if [[ "${1:-}" != "--inner" ]]; then
    command -v xvfb-run >/dev/null || { echo "measure-startup: xvfb-run not found (Debian package xvfb)" >&2; exit 2; }
    if [[ ! -f $JAR || -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]]; then
        echo "Building $JAR ..."
        mvn -B -q -o package -DskipTests
    fi
    exec xvfb-run -a -s '-screen 0 1280x900x24' "$0" --inner
fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "n/a"} else if (NR%2) {print a[(NR+1)/2]} else {print int((a[NR/2]+a[NR/2+1])/2)}}'; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
walls=()
reported=()
cpus=()
for run in $(seq 1 "$RUNS"); do
    out="$work/run-$run.log"
    : >"$out"
    export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
    start=$(date +%s%N)
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    java ${JAVA_OPTS:-} -Dmtc.startup.marker=true -jar "$JAR" --demo >"$out" 2>&1 &
    pid=$!
    shown=""
    deadline=$(( $(date +%s) + TIMEOUT_S ))
    while [[ -z $shown ]]; do
        if line=$(grep -m1 "^$MARKER " "$out"); then
            shown=$(date +%s%N)
            # CPU time (all threads) used so far: steadier than wall time when other work shares the machine.
            read -r -a stat <"/proc/$pid/stat"
            cpu=$(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) ))
        elif ! kill -0 "$pid" 2>/dev/null; then
            echo "run $run: the app exited before showing its window:" >&2; cat "$out" >&2; exit 1
        elif (( $(date +%s) > deadline )); then
            kill "$pid"; echo "run $run: no window within ${TIMEOUT_S}s" >&2; exit 1
        else
            sleep 0.02
        fi
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    wall=$(( (shown - start) / 1000000 ))
    jvm=${line#"$MARKER "}
    walls+=("$wall")
    reported+=("$jvm")
    cpus+=("$cpu")
    echo "run $run: window shown after ${wall} ms (launch to marker; app reports ${jvm} ms since JVM start; ${cpu} ms CPU)"
done
echo "median launch-to-window: $(printf '%s\n' "${walls[@]}" | median) ms over $RUNS runs"
echo "median JVM-start-to-window (app's own measure): $(printf '%s\n' "${reported[@]}" | median) ms"
echo "median CPU time to window: $(printf '%s\n' "${cpus[@]}" | median) ms; load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
