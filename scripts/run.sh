#!/usr/bin/env bash
# Builds the app if any source is newer than the jar, then runs it with the given arguments
# (no arguments: the desktop app; --demo: the desktop app on simulated clusters; a subcommand: the command line).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/mtc-assistant.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests package >&2
fi
exec java -jar "$jar" "$@"
