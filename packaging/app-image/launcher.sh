#!/bin/bash
# bin/mtc-assistant: starts the desktop app or a command on the packaged runtime.
# It takes the place of jpackage's native launcher, which asks rpm and dpkg which package owns it on every start
# (four processes, 0.5 s and more on a system with many packages: more than a whole '--version').
# lib/app/launcher.conf (written by scripts/package.sh from jpackage's lib/app/mtc-assistant.cfg) holds the JVM
# options and the class path, relative to $app.
self=$(readlink -f -- "$0" 2>/dev/null) || self=$0
bin=${self%/*}
app=${bin%/*}/lib/app
# shellcheck source=/dev/null
. "$app/launcher.conf" || { echo "mtc-assistant: $app/launcher.conf is missing; reinstall the package" >&2; exit 1; }
# A command that talks to clusters for a few seconds spent 40% of its CPU in the C2 compiler on code that never got
# hot enough to repay it (clusters on the simulated pair: 4.1 s of CPU, 2.5 s with C1 alone). The desktop app,
# mirror, copy and simulate keep C2: hashing gigabytes is 5-7 times faster with it.
# mirror and copy run with the serial collector: a batch of large short-lived buffers on two cores, where G1's
# concurrent threads and barriers cost about 10% more CPU (3.3-3.7 s against 3.0-3.1 s for 12 images, 510 MB,
# scripts/bench-mirror.sh); the desktop app keeps G1 for its short pauses.
case "${1:-}" in
    clusters|check|check-upgrade|install|uninstall|network|repository|register-cluster|plan|migrate|monitor \
        | --version|-V|--help|-h|help) jit=(-XX:TieredStopAtLevel=1) ;;
    mirror|copy) jit=(-XX:+UseSerialGC) ;;
    *) jit=() ;;
esac
exec "$app/../runtime/bin/java" "${jvm_options[@]}" "${jit[@]}" -cp "$class_path" "$main_class" "$@"
