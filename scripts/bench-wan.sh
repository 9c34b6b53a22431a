#!/usr/bin/env bash
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
mtc() { java -cp "$CP" io.mtcassistant.Launcher "$@"; }
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
L="$WORK/layout"
mkdir -p "$L/blobs/sha256"
echo '{"imageLayoutVersion":"1.0.0"}' > "$L/oci-layout"
add_blob() { local hex; hex=$(sha256sum "$1" | cut -d' ' -f1); mv "$1" "$L/blobs/sha256/$hex"; echo "$hex"; }
make_layer() { # size_mb -> "gzhex diffhex size"
  local d="$WORK/mk" diff size gz
  rm -rf "$d"; mkdir -p "$d"
  head -c "$(( $1 * 1024 * 1024 ))" /dev/urandom > "$d/data.bin"
  tar --owner=0 --group=0 --numeric-owner --mtime=2020-01-01 -C "$d" -cf "$WORK/layer.tar" data.bin
  diff=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
  gzip -1 -n -c "$WORK/layer.tar" > "$WORK/layer.tgz"
  size=$(stat -c %s "$WORK/layer.tgz")
  gz=$(add_blob "$WORK/layer.tgz")
  echo "$gz $diff $size"
}
BASES=()
UNIQUE=0
for i in 1 2 3; do BASES+=("$(make_layer "$BASE_MB")"); done
for l in "${BASES[@]}"; do read -r _ _ size <<< "$l"; UNIQUE=$(( UNIQUE + size )); done
INDEX=""
for n in $(seq 1 "$IMAGES"); do
  own=$(make_layer "$OWN_MB")
  read -r _ _ size <<< "$own"; UNIQUE=$(( UNIQUE + size ))
  layers=""; diffs=""
  for l in "${BASES[@]}" "$own"; do
    read -r gz diff size <<< "$l"
    layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$gz\",\"size\":$size}"
    diffs+="${diffs:+,}\"sha256:$diff\""
  done
  printf '{"architecture":"amd64","os":"linux","config":{"Env":["N=%s"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$n" "$diffs" > "$WORK/config.json"
  csize=$(stat -c %s "$WORK/config.json"); chex=$(add_blob "$WORK/config.json")
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' "$chex" "$csize" "$layers" > "$WORK/manifest.json"
  msize=$(stat -c %s "$WORK/manifest.json"); mhex=$(add_blob "$WORK/manifest.json")
  INDEX+="${INDEX:+,}{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$mhex\",\"size\":$msize,\"annotations\":{\"org.opencontainers.image.ref.name\":\"img$n\"}}"
done
printf '{"schemaVersion":2,"manifests":[%s]}' "$INDEX" > "$L/index.json"
for n in $(seq 1 "$IMAGES"); do
  skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$L:img$n" "docker://$SRC/bench/app$n:v1" >/dev/null
done
echo "   unique blob bytes: $UNIQUE"

work_seconds() { python3 -c 'import json,sys,datetime as d; j=json.load(open(sys.argv[1])); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00")); print("%.2f" % (p(j["finished"])-p(j["started"])).total_seconds())' "$1"; }
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
