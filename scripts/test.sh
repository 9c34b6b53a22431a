#!/usr/bin/env bash
# Runs every test:
#   1. mvn verify: unit, headless UI (TestFX + Monocle), integration against a real local registry and skopeo;
#   2. the packaging check (as root only: it installs the .deb with dpkg, starts it under Xvfb, removes it).
# On a fresh Debian machine it first installs the test peers (as root; otherwise install them yourself).
# Set SKIP_PACKAGING_CHECK=1 to run only the Maven tests.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(docker-registry skopeo apache2-utils squid tinyproxy-bin nginx strace xvfb xauth x11-utils imagemagick libgtk-3-0 rpm fakeroot binutils unzip)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# The exported apply.sh is tested with a real kubectl: Debian's kubernetes-client, unless a kubectl (another
# package's) is already on the PATH, which kubernetes-client would collide with.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing test peers: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages (tests that need them will be skipped): ${missing[*]}" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
mvn_status=0
mvn -B -ntp verify "$@" 2>&1 | tee "$log" || mvn_status=$?
run=0 failed=0 errors=0 skipped=0
# Surefire's overall line: "Tests run: N, Failures: F, Errors: E, Skipped: S"
summary=$(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' "$log" | tail -1 \
  | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+).*/\1 \2 \3 \4/' || true)
[ -z "$summary" ] || read -r run failed errors skipped <<< "$summary"
if [ "$mvn_status" != 0 ] && [ $(( failed + errors )) = 0 ]; then
  errors=1   # the build itself failed (compilation, plugin): count it so the run is red
fi

pack_passed=0
pack_failed=0
if [ "$mvn_status" != 0 ]; then
  echo "Packaging check not run: the Maven build failed."
elif [ "${SKIP_PACKAGING_CHECK:-0}" != 1 ] && [ "$(id -u)" = 0 ]; then
  pack_log=$(mktemp)
  status=0
  ./scripts/packaging-check.sh --no-build 2>&1 | tee "$pack_log" || status=$?
  line=$(grep -E '^packaging: [0-9]+ passed, [0-9]+ failed' "$pack_log" | tail -1 || true)
  rm -f "$pack_log"
  if [ -n "$line" ]; then
    pack_passed=$(echo "$line" | sed -E 's/packaging: ([0-9]+) passed.*/\1/')
    pack_failed=$(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/')
  elif [ "$status" != 0 ]; then
    pack_failed=1
  fi
  [ "$status" = 0 ] || [ "$pack_failed" -gt 0 ] || pack_failed=1
else
  echo "Packaging check skipped (needs root; SKIP_PACKAGING_CHECK=${SKIP_PACKAGING_CHECK:-0})."
fi

passed=$(( run - failed - errors - skipped + pack_passed ))
echo "all: ${passed} passed, $(( failed + errors + pack_failed )) failed, ${skipped} skipped"
[ $(( failed + errors + pack_failed )) = 0 ]
