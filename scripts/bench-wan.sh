#!/usr/bin/env bash
# WAN benchmark of the transfer engine against skopeo (not part of the tests).
#   scripts/bench-wan.sh [IMAGES=12] [BASE_MB=40] [OWN_MB=30] [JOBS=6]
# Defaults give ~480 MB of unique blobs (3 shared base layers + one own layer per image). For each
# emulated link (scripts/wan-link.py in front of the source registry: 50 ms each way at 1 Gbit/s,
# then 25 ms at 200 Mbit/s) it times, in the same run: mtc-assistant mirror, skopeo copy --all image
# by image, and prints both against the floor = unique bytes / bandwidth + one round trip per image.
# Needs docker-registry, skopeo, python3, java 17, maven (offline).
set -euo pipefail

IMAGES=${1:-12}
BASE_MB=${2:-40}
OWN_MB=${3:-30}
JOBS=${4:-6}
PROFILES=("50 1000" "25 200")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/bench-wan.XXXXXX)
cleanup() {
  if [ -f "$WORK/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$WORK/pids"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in docker-registry skopeo java python3 sha256sum bc; do
  command -v "$tool" >/dev/null || { echo "bench-wan: $tool is not installed" >&2; exit 2; }
done

echo "== building the jar (offline)"
(cd "$ROOT" && mvn -B -q -o -DskipTests package >/dev/null)
CP="$ROOT/target/mtc-assistant.jar:$ROOT/target/lib/*"
mtc() { java "${TRANSFER_JVM[@]}" -cp "$CP" io.mtcassistant.Launcher "$@"; }
. "$ROOT/scripts/bench-registry.sh"

start_link() { # upstream delay_ms mbit -> prints host:port
  local port
  port=$(free_port)
  python3 "$ROOT/scripts/wan-link.py" "$port" "$1" "$2" "$3" > "$WORK/link-$port.log" 2>&1 &
  echo $! >> "$WORK/pids"
  wait_port "$port"
  echo "127.0.0.1:$port"
}

SRC=$(start_registry src)
echo "== creating $IMAGES images in $SRC (3 x ${BASE_MB} MB shared base + ${OWN_MB} MB own layer each)"
create_image_set "$SRC" "$IMAGES" "$BASE_MB" "$OWN_MB"
echo "   unique blob bytes: $UNIQUE"

seconds() { local s=$1; shift; "$@" > "$WORK/last.out" 2>&1 || { echo "FAILED: $*" >&2; cat "$WORK/last.out" >&2; exit 1; }; echo "$(date +%s.%N) - $s" | bc; }
ROWS=()
for profile in "${PROFILES[@]}"; do
  read -r DELAY MBIT <<< "$profile"
  LINK=$(start_link "$SRC" "$DELAY" "$MBIT")
  ISC="$WORK/isc-$DELAY.yaml"
  printf 'kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n  additionalImages:\n' > "$ISC"
  for n in $(seq 1 "$IMAGES"); do echo "    - name: $LINK/bench/app$n:v1" >> "$ISC"; done
  DST_OURS=$(start_registry "ours-$DELAY")
  DST_SKOPEO=$(start_registry "skopeo-$DELAY")
  echo "== link: ${DELAY} ms each way, ${MBIT} Mbit/s"
  ours=$(seconds "$(date +%s.%N)" mtc mirror --image-set "$ISC" --to "docker://$DST_OURS/mirror" --src-tls-verify=false \
    --dest-tls-verify=false --jobs "$JOBS" --results "$WORK/r-$DELAY" --journal "$WORK/j-$DELAY")
  skopeo_all() {
    for n in $(seq 1 "$IMAGES"); do
      skopeo --insecure-policy copy -q --all --src-tls-verify=false --dest-tls-verify=false \
        "docker://$LINK/bench/app$n:v1" "docker://$DST_SKOPEO/mirror/bench/app$n:v1" || return 1
    done
  }
  work=$(work_seconds "$WORK/r-$DELAY/summary.json")
  sk=$(seconds "$(date +%s.%N)" skopeo_all)
  floor=$(echo "scale=2; $UNIQUE * 8 / ($MBIT * 1000000) + $IMAGES * 2 * $DELAY / 1000" | bc)
  ROWS+=("$(printf '%-20s %8.1f %8.1f %8.1f %8.1f %11.2f %12.2f' "${DELAY}ms/${MBIT}Mbit" "$floor" "$ours" "$work" "$sk" \
    "$(echo "$work / $floor" | bc -l)" "$(echo "$work / $sk" | bc -l)")")
done

echo
echo "== $IMAGES images, $UNIQUE unique blob bytes, jobs $JOBS ('ours' includes JVM start; 'work' is summary.json's started..finished)"
printf '%-20s %8s %8s %8s %8s %11s %12s\n' "link" "floor s" "ours s" "work s" "skopeo s" "work/floor" "work/skopeo"
for r in "${ROWS[@]}"; do echo "$r"; done
