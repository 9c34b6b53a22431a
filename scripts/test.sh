#!/usr/bin/env bash
# Runs every test: unit, headless UI (TestFX + Monocle), integration against a real local registry and skopeo.
# On a fresh Debian machine it first installs the test peers (needs root; otherwise install them yourself:
# docker-registry skopeo apache2-utils xvfb xauth imagemagick libgtk-3-0 rpm fakeroot).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(docker-registry skopeo apache2-utils xvfb xauth imagemagick libgtk-3-0 rpm fakeroot)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing test peers: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages (integration tests that need them will be skipped): ${missing[*]}" >&2
  fi
fi

mvn -B -ntp verify "$@"
