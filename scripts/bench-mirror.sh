#!/usr/bin/env bash
# Benchmark of the transfer engine against skopeo on loopback registries (not part of the tests).
#   scripts/bench-mirror.sh [IMAGES=20] [BASE_MB=20] [OWN_MB=6] [JOBS=6]
# Creates IMAGES images (3 shared base layers of BASE_MB each + one own layer of OWN_MB) in a local
# docker-registry, then times: mirror->mirror (ours) vs skopeo copy --all per image, mirror->archive,
# archive->mirror, and no-op re-runs. Needs docker-registry, skopeo, java 17, maven (offline).
set -euo pipefail

IMAGES=${1:-20}
BASE_MB=${2:-20}
OWN_MB=${3:-6}
JOBS=${4:-6}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/bench-mirror.XXXXXX)
cleanup() {
  # Registries are started in command substitutions (subshells), so their PIDs go to a file.
  if [ -f "$WORK/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$WORK/pids"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in docker-registry skopeo java sha256sum; do
  command -v "$tool" >/dev/null || { echo "bench-mirror: $tool is not installed" >&2; exit 2; }
done

echo "== building the jar (offline)"
(cd "$ROOT" && mvn -B -q -o -DskipTests package >/dev/null)
CP="$ROOT/target/mtc-assistant.jar:$ROOT/target/lib/*"
mtc() { java -cp "$CP" io.mtcassistant.Launcher "$@"; }

. "$ROOT/scripts/bench-registry.sh"

SRC=$(start_registry src)
echo "== creating $IMAGES images in $SRC (3 x ${BASE_MB} MB shared base + ${OWN_MB} MB own layer each)"
L="$WORK/layout"
mkdir -p "$L/blobs/sha256"
echo '{"imageLayoutVersion":"1.0.0"}' > "$L/oci-layout"

add_blob() { # file -> digest hex (moves the file into the layout)
  local hex
  hex=$(sha256sum "$1" | cut -d' ' -f1)
  mv "$1" "$L/blobs/sha256/$hex"
  echo "$hex"
}
make_layer() { # size_mb -> "gzhex diffhex size"
  local d="$WORK/mk" diff gz size
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
for i in 1 2 3; do BASES+=("$(make_layer "$BASE_MB")"); done
INDEX_ENTRIES=""
for n in $(seq 1 "$IMAGES"); do
  own=$(make_layer "$OWN_MB")
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
  INDEX_ENTRIES+="${INDEX_ENTRIES:+,}{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$mhex\",\"size\":$msize,\"annotations\":{\"org.opencontainers.image.ref.name\":\"img$n\"}}"
done
printf '{"schemaVersion":2,"manifests":[%s]}' "$INDEX_ENTRIES" > "$L/index.json"
TOTAL_MB=$(( 3 * BASE_MB + IMAGES * OWN_MB ))

ISC="$WORK/isc.yaml"
printf 'kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n  additionalImages:\n' > "$ISC"
for n in $(seq 1 "$IMAGES"); do
  skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$L:img$n" "docker://$SRC/bench/app$n:v1" >/dev/null
  echo "    - name: $SRC/bench/app$n:v1" >> "$ISC"
done
echo "   unique data ~${TOTAL_MB} MB, $(( IMAGES * (3 * BASE_MB + OWN_MB) )) MB as seen per image"

RESULTS=()
timed() { # label command... -> records seconds
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$WORK/last.out" 2>&1 || { echo "FAILED: $label"; cat "$WORK/last.out"; exit 1; }
  end=$(date +%s.%N)
  RESULTS+=("$(printf '%-44s %8.1f s' "$label" "$(echo "$end - $start" | bc)")")
  echo "   $label: done"
}

DST_OURS=$(start_registry ours)
DST_SKOPEO=$(start_registry skopeo)
DST_ARCHIVE=$(start_registry fromarchive)
FLAGS=(--src-tls-verify=false --dest-tls-verify=false)

echo "== timing"
timed "mtc-assistant mirror  mirror->mirror (jobs $JOBS)" \
  mtc mirror --image-set "$ISC" --to "docker://$DST_OURS/mirror" "${FLAGS[@]}" --jobs "$JOBS" --results "$WORK/r1" --journal "$WORK/j1"
grep 'images,' "$WORK/last.out" | sed 's/^/   /'
skopeo_all() {
  for n in $(seq 1 "$IMAGES"); do
    skopeo --insecure-policy copy -q --all "${FLAGS[@]}" "docker://$SRC/bench/app$n:v1" "docker://$DST_SKOPEO/mirror/bench/app$n:v1" || return 1
  done
}
timed "skopeo copy --all, one image after another" skopeo_all
timed "mtc-assistant no-op re-run (HEAD checks)" \
  mtc mirror --image-set "$ISC" --to "docker://$DST_OURS/mirror" "${FLAGS[@]}" --jobs "$JOBS" --results "$WORK/r2" --journal "$WORK/j2"
grep 'images,' "$WORK/last.out" | sed 's/^/   /'
timed "mtc-assistant no-op re-run (journal)" \
  mtc mirror --image-set "$ISC" --to "docker://$DST_OURS/mirror" "${FLAGS[@]}" --jobs "$JOBS" --results "$WORK/r3" --journal "$WORK/j1"
timed "skopeo copy --all no-op re-run" skopeo_all
# The work of a no-op re-run without JVM start: summary.json's started..finished.
work_seconds() { python3 -c 'import json,sys,datetime as d; j=json.load(open(sys.argv[1])); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00")); print("%.2f" % (p(j["finished"])-p(j["started"])).total_seconds())' "$1"; }
RESULTS+=("$(printf '%-44s %8s s' "  no-op re-run (HEAD checks), work only" "$(work_seconds "$WORK/r2/summary.json")")")
RESULTS+=("$(printf '%-44s %8s s' "  no-op re-run (journal), work only" "$(work_seconds "$WORK/r3/summary.json")")")
timed "mtc-assistant mirror  mirror->archive" \
  mtc mirror --image-set "$ISC" --to-archive "$WORK/archive" --src-tls-verify=false --jobs "$JOBS" --volume-size 64M --results "$WORK/r4"
echo "   archive: $(du -sh "$WORK/archive" | cut -f1), $(ls "$WORK/archive" | grep -c 'images.tar') volumes"
timed "mtc-assistant mirror  archive->mirror" \
  mtc mirror --from-archive "$WORK/archive" --to "docker://$DST_ARCHIVE/mirror" --dest-tls-verify=false --jobs "$JOBS" \
  --results "$WORK/r5" --journal "$WORK/j5"

# The desktop app runs the engine in a long-lived JVM: measure it warm too (a first run to warm up
# the JIT, then a timed run to a fresh registry), without JVM start-up.
DST_WARM1=$(start_registry warm1)
DST_WARM2=$(start_registry warm2)
cat > "$WORK/WarmBench.java" <<JAVA
import io.mtcassistant.mirror.*;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.nio.file.Path;
public class WarmBench {
  public static void main(String[] a) {
    ImageSetConfig set = ImageSetConfig.read(Path.of(a[0]));
    MirrorOptions o = new MirrorOptions(Integer.parseInt(a[3]), false, false, 0);
    for (int i = 1; i <= 2; i++) {
      long t = System.nanoTime();
      MirrorReport r = new MirrorService(RegistryAccess.anonymous(), o, TransferListener.NONE)
          .mirrorToRegistry(set, "docker://" + a[i] + "/mirror", null, MirrorJournal.none());
      if (!r.ok()) { System.err.println("warm run failed"); System.exit(1); }
      System.out.printf("%.1f%n", (System.nanoTime() - t) / 1e9);
    }
    // The same set again into the second registry: the no-op re-run's work in a warm process (the desktop app's case).
    long t = System.nanoTime();
    MirrorReport again = new MirrorService(RegistryAccess.anonymous(), o, TransferListener.NONE)
        .mirrorToRegistry(set, "docker://" + a[2] + "/mirror", null, MirrorJournal.none());
    if (!again.ok()) { System.err.println("warm no-op run failed"); System.exit(1); }
    System.out.printf("noop %.2f%n", (System.nanoTime() - t) / 1e9);
  }
}
JAVA
java -cp "$CP" "$WORK/WarmBench.java" "$ISC" "$DST_WARM1" "$DST_WARM2" "$JOBS" > "$WORK/warm.out"
RESULTS+=("$(printf '%-44s %8.1f s' "engine in a warm JVM, mirror->mirror" "$(grep -v noop "$WORK/warm.out" | tail -1)")")
RESULTS+=("$(printf '%-44s %8s s' "engine in a warm JVM, no-op re-run" "$(grep noop "$WORK/warm.out" | cut -d' ' -f2)")")

echo
echo "== $IMAGES images, ~${TOTAL_MB} MB unique (loopback, $(nproc) cores)"
printf '%-44s %10s\n' "run" "time"
for r in "${RESULTS[@]}"; do echo "$r"; done
