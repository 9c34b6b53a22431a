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
exec "$app/../runtime/bin/java" "${jvm_options[@]}" -cp "$class_path" "$main_class" "$@"
