#!/usr/bin/env bash
# Benchmark of the transfer engine against skopeo on loopback registries (not part of the tests).
#   scripts/bench-mirror.sh [IMAGES=20] [BASE_MB=20] [OWN_MB=6] [JOBS=6]
# Creates IMAGES images (3 shared base layers of BASE_MB each + one own layer of OWN_MB) in a local
# docker-registry, then times, in the same run: mirror->mirror (ours) vs skopeo copy --all image by
# image, their no-op re-runs, mirror->archive, archive->mirror and the engine in a warm JVM.
# Environment:
#   ROUNDS=N       N rounds of the mirror->mirror and no-op pairs (default 1), each into fresh registries,
#                  who goes first alternating (a loaded machine and the page cache favour neither)
#   QUICK=1        only those rounds (no archive and warm-JVM parts)
#   MTC_JFR_DIR=D  each mtc-assistant run records a JFR profile D/LABEL.jfr (settings=profile)
#   MTC_JAVA_OPTS  more JVM options for each mtc-assistant run
# Needs docker-registry, skopeo, java 17, maven (offline), python3, bc.
set -euo pipefail

IMAGES=${1:-20}
BASE_MB=${2:-20}
OWN_MB=${3:-6}
JOBS=${4:-6}
ROUNDS=${ROUNDS:-1}
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

for tool in docker-registry skopeo java sha256sum python3 bc; do
  command -v "$tool" >/dev/null || { echo "bench-mirror: $tool is not installed" >&2; exit 2; }
done
case "$IMAGES$BASE_MB$OWN_MB$JOBS$ROUNDS" in
  *[!0-9]*) echo "bench-mirror: IMAGES, BASE_MB, OWN_MB, JOBS and ROUNDS must be whole numbers" >&2; exit 2 ;;
esac

echo "== building the jar (offline)"
(cd "$ROOT" && mvn -B -q -o -DskipTests package >/dev/null)
CP="$ROOT/target/mtc-assistant.jar:$ROOT/target/lib/*"
MTC_LABEL=run
mtc() { # the JFR file is named after MTC_LABEL
  local opts=()
  # shellcheck disable=SC2206
  [ -n "${MTC_JAVA_OPTS:-}" ] && opts+=($MTC_JAVA_OPTS)
  [ -n "${MTC_JFR_DIR:-}" ] && { mkdir -p "$MTC_JFR_DIR"; opts+=("-XX:StartFlightRecording=filename=$MTC_JFR_DIR/$MTC_LABEL.jfr,settings=profile"); }
  java "${TRANSFER_JVM[@]}" "${opts[@]}" -cp "$CP" io.mtcassistant.Launcher "$@"
}

. "$ROOT/scripts/bench-registry.sh"

SRC=$(start_registry src)
echo "== creating $IMAGES images in $SRC (3 x ${BASE_MB} MB shared base + ${OWN_MB} MB own layer each)"
create_image_set "$SRC" "$IMAGES" "$BASE_MB" "$OWN_MB"
ISC="$WORK/isc.yaml"
printf 'kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\nmirror:\n  additionalImages:\n' > "$ISC"
for n in $(seq 1 "$IMAGES"); do echo "    - name: $SRC/bench/app$n:v1" >> "$ISC"; done
echo "   unique blob bytes $UNIQUE, $(( IMAGES * (3 * BASE_MB + OWN_MB) )) MB as seen per image"

RESULTS=()
LAST=0
children_cpu() { # CPU_NOW = CPU seconds (user + system) of the finished children of this shell so far
  times > "$WORK/times" # in this shell: inside $(...) times would count the subshell's children only
  CPU_NOW=$(tail -1 "$WORK/times" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] } print t }')
}
timed() { # label command... -> records wall seconds (also in LAST) and the CPU the command's processes used
  local label=$1; shift
  local start end cpu
  start=$(date +%s.%N); children_cpu; cpu=$CPU_NOW
  MTC_LABEL=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-') "$@" > "$WORK/last.out" 2>&1 \
    || { echo "FAILED: $label"; cat "$WORK/last.out"; exit 1; }
  end=$(date +%s.%N); children_cpu; cpu=$(echo "$CPU_NOW - $cpu" | bc)
  LAST=$(echo "$end - $start" | bc)
  RESULTS+=("$(printf '%-52s %8.2f s  (CPU %.2f s)' "$label" "$LAST" "$cpu")")
  echo "   $label: $(printf '%.2f' "$LAST") s, CPU $(printf '%.2f' "$cpu") s (load $(cut -d' ' -f1 /proc/loadavg))"
}
record() { RESULTS+=("$(printf '%-52s %8s s' "$1" "$2")"); }
FLAGS=(--src-tls-verify=false --dest-tls-verify=false)
skopeo_all() { # destination registry
  for n in $(seq 1 "$IMAGES"); do
    skopeo --insecure-policy copy -q --all "${FLAGS[@]}" "docker://$SRC/bench/app$n:v1" "docker://$1/mirror/bench/app$n:v1" || return 1
  done
}
ours_mirror() { # destination registry, results dir, journal
  mtc mirror --image-set "$ISC" --to "docker://$1/mirror" "${FLAGS[@]}" --jobs "$JOBS" --results "$2" --journal "$3"
}

echo "== timing (uptime: $(uptime))"
RATIOS=()
NOOP_RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
  DST_OURS=$(start_registry "ours$round")
  DST_SKOPEO=$(start_registry "skopeo$round")
  R="$WORK/round$round"
  if [ $(( round % 2 )) -eq 1 ]; then order="ours skopeo"; else order="skopeo ours"; fi
  for who in $order; do
    if [ "$who" = ours ]; then
      timed "r$round mtc-assistant mirror->mirror (jobs $JOBS)" ours_mirror "$DST_OURS" "$R/r1" "$R/j1"; ours=$LAST
      grep 'images,' "$WORK/last.out" | sed 's/^/   /'
      record "r$round   its work only (summary.json)" "$(work_seconds "$R/r1/summary.json")"
    else
      timed "r$round skopeo copy --all, one image after another" skopeo_all "$DST_SKOPEO"; sk=$LAST
    fi
  done
  RATIOS+=("$(echo "scale=3; $ours / $sk" | bc)")
  for who in $order; do
    if [ "$who" = ours ]; then
      timed "r$round mtc-assistant no-op re-run (HEAD checks)" ours_mirror "$DST_OURS" "$R/r2" "$R/j2"; noop=$LAST
      grep 'images,' "$WORK/last.out" | sed 's/^/   /'
      record "r$round   its work only (summary.json)" "$(work_seconds "$R/r2/summary.json")"
      timed "r$round mtc-assistant no-op re-run (journal)" ours_mirror "$DST_OURS" "$R/r3" "$R/j1"
      record "r$round   its work only (summary.json)" "$(work_seconds "$R/r3/summary.json")"
    else
      timed "r$round skopeo copy --all no-op re-run" skopeo_all "$DST_SKOPEO"; sknoop=$LAST
    fi
  done
  NOOP_RATIOS+=("$(echo "scale=3; $noop / $sknoop" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
record "mirror->mirror ours/skopeo per round: ${RATIOS[*]}; median" "$(median "${RATIOS[@]}")"
record "no-op re-run ours/skopeo per round: ${NOOP_RATIOS[*]}; median" "$(median "${NOOP_RATIOS[@]}")"

report() {
  echo
  echo "== $IMAGES images, $UNIQUE unique blob bytes, jobs $JOBS (loopback, $(nproc) cores; $(uptime))"
  for r in "${RESULTS[@]}"; do echo "$r"; done
}
if [ "${QUICK:-0}" = 1 ]; then
  report
  exit 0
fi
DST_ARCHIVE=$(start_registry fromarchive)
timed "mtc-assistant mirror->archive" \
  mtc mirror --image-set "$ISC" --to-archive "$WORK/archive" --src-tls-verify=false --jobs "$JOBS" --volume-size 64M --results "$WORK/r4"
echo "   archive: $(du -sh "$WORK/archive" | cut -f1), $(ls "$WORK/archive" | grep -c 'images.tar') volumes"
timed "mtc-assistant archive->mirror" \
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
record "engine in a warm JVM, mirror->mirror" "$(grep -v noop "$WORK/warm.out" | tail -1)"
record "engine in a warm JVM, no-op re-run" "$(grep noop "$WORK/warm.out" | cut -d' ' -f2)"
report
