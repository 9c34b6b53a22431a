#!/usr/bin/env bash
# Builds the app if any source is newer than the jar, then runs it with the given arguments
# (no arguments: the desktop app; --demo: the desktop app on simulated clusters; a subcommand: the command line).
# The desktop app needs GTK 3 (JavaFX's toolkit): installed here when run as root on Debian, else named.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/mtc-assistant.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests package >&2
fi
first=${1:-}
if [[ -z $first || $first == --demo ]] && command -v dpkg >/dev/null 2>&1 \
    && ! dpkg -s libgtk-3-0 >/dev/null 2>&1 && ! dpkg -s libgtk-3-0t64 >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "run: installing libgtk-3-0 (the desktop app's toolkit needs it)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libgtk-3-0 >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libgtk-3-0 >&2; }
  else
    echo "run: the desktop app needs GTK 3: sudo apt-get install libgtk-3-0 (RHEL: sudo dnf install gtk3)" >&2
    exit 1
  fi
fi
exec java -jar "$jar" "$@"
