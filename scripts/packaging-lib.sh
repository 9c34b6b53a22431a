# Shared shell functions of the packaging scripts (sourced, not run).

# start_xvfb: starts Xvfb on a free display and exports DISPLAY; stop_xvfb stops it.
start_xvfb() {
    command -v Xvfb >/dev/null 2>&1 || return 1
    local n
    for n in $(seq 91 140); do
        if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then continue; fi
        Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
        XVFB_PID=$!
        local i
        for i in $(seq 1 50); do
            if [ -e "/tmp/.X11-unix/X$n" ]; then
                export DISPLAY=":$n"
                return 0
            fi
            kill -0 "$XVFB_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true
    done
    return 1
}

stop_xvfb() {
    if [ -n "${XVFB_PID:-}" ]; then
        kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true
        XVFB_PID=
    fi
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# viewable_app_window: prints the id of a viewable top-level window whose title contains "MTC Assistant".
viewable_app_window() {
    local id
    for id in $(xwininfo -root -tree 2>/dev/null | awk '/"[^"]*MTC Assistant[^"]*"/ {print $1}'); do
        if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
            echo "$id"
            return 0
        fi
    done
    return 1
}

# launch_until_window LOG TIMEOUT_S CMD...: starts CMD in the background (stdout+stderr to LOG), with
# -Dmtc.startup.marker=true, and waits until the main window is shown. The app prints the marker line
# "MTC-ASSISTANT-WINDOW-SHOWN" after the first frame of its window; that is the measure when it comes. An app
# without the marker counts as shown when a window titled "MTC Assistant" is viewable (and no marker follows
# within MARKER_GRACE_S seconds, default 10). Sets APP_PID, SHOWN_MS (launch to shown) and SHOWN_BY
# (marker|window). Returns 1 on timeout or when the app exits first.
launch_until_window() {
    local log=$1 timeout_s=$2
    shift 2
    local start window_ms=
    : > "$log"      # never read the marker of an earlier run
    start=$(now_ms)
    JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-Dmtc.startup.marker=true" "$@" >"$log" 2>&1 &
    APP_PID=$!
    SHOWN_MS=; SHOWN_BY=
    while :; do
        if grep -q 'MTC-ASSISTANT-WINDOW-SHOWN' "$log" 2>/dev/null; then
            SHOWN_MS=$(( $(now_ms) - start )); SHOWN_BY=marker
            return 0
        fi
        if [ -z "$window_ms" ] && viewable_app_window >/dev/null; then
            window_ms=$(( $(now_ms) - start ))
        fi
        if [ -n "$window_ms" ] && [ $(( $(now_ms) - start - window_ms )) -gt $(( ${MARKER_GRACE_S:-10} * 1000 )) ]; then
            SHOWN_MS=$window_ms; SHOWN_BY=window
            return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited before its window was shown; log: $log" >&2; return 1; }
        if [ $(( $(now_ms) - start )) -gt $(( timeout_s * 1000 )) ]; then
            echo "no window after ${timeout_s}s; log: $log" >&2
            return 1
        fi
        sleep 0.03
    done
}

# stop_app: ends the app started by launch_until_window (SIGTERM: the JVM exits through its shutdown hooks).
stop_app() {
    [ -n "${APP_PID:-}" ] || return 0
    kill "$APP_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    return 0
}

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# The JDK the packaged runtime is linked from: JLINK_JDK when set, else Temurin 25 when present (Java 25's
# ahead-of-time cache; Temurin's natives need an older glibc than Debian's JDK), else Debian's JDK 17.
TEMURIN_25=/usr/lib/jvm/temurin-25-jdk-amd64
DEBIAN_JDK_17=/usr/lib/jvm/java-17-openjdk-amd64
runtime_jdk() {
    if [ -n "${JLINK_JDK:-}" ]; then
        echo "$JLINK_JDK"
    elif [ -x "$TEMURIN_25/bin/jlink" ]; then
        echo "$TEMURIN_25"
    else
        echo "packaging: Temurin 25 not found at $TEMURIN_25: linking Java 17 ($DEBIAN_JDK_17), with AppCDS instead of the AOT cache" >&2
        echo "$DEBIAN_JDK_17"
    fi
}

# JVM options every start of the app on Java 25+ needs: JavaFX 21 loads its natives and uses sun.misc.Unsafe, and
# the JVM would warn about each on every start (JEP 472, JEP 471). The runtime's own class data sharing archive is
# dumped with them too (jlink/build-runtime.sh): the JVM ignores an archive dumped with other module options.
JAVA25_OPTIONS=(--enable-native-access=javafx.graphics,ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

# The feature version of a JDK (17, 25, ...).
jdk_feature() {
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

# wait_for_exit PID SECONDS: waits for a process (not a child of this shell) to end.
wait_for_exit() {
    local i
    for i in $(seq 1 $(( $2 * 10 ))); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.1
    done
    return 1
}
