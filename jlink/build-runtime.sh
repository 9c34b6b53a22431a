#!/bin/bash
# Builds the Java runtime image the packages carry: the JDK modules found by jdeps over ALL jars of the app
# (the app jar and every library), the modules listed in extra-modules.txt, and the JavaFX modules taken from
# the Maven "-linux" jars. The app itself stays on the class path (fabric8 jars are not modules).
#
# usage: jlink/build-runtime.sh [TARGET_DIR]     (default: target; needs TARGET_DIR/mtc-assistant.jar and lib/)
# env:   JLINK_JDK  the JDK that is linked (default: Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64 when present,
#                   for its ahead-of-time cache and its older glibc; else /usr/lib/jvm/java-17-openjdk-amd64)
# out:   TARGET_DIR/runtime, TARGET_DIR/package/runtime-modules.txt
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
target=$(cd "${1:-$here/../target}" && pwd)
# shellcheck source=../scripts/packaging-lib.sh
. "$here/../scripts/packaging-lib.sh"
jdk=$(runtime_jdk)
app_jar=$target/mtc-assistant.jar
work=$target/package
runtime=$target/runtime

[ -f "$app_jar" ] || { echo "build-runtime: $app_jar is missing; run 'mvn package' first" >&2; exit 2; }
[ -x "$jdk/bin/jlink" ] || { echo "build-runtime: no jlink in JLINK_JDK=$jdk" >&2; exit 2; }

mkdir -p "$work"
fxmods=$work/fxmods
rm -rf "$fxmods" && mkdir -p "$fxmods"
cp "$target"/lib/javafx-*-linux.jar "$fxmods"/
class_path_jars=()
for jar in "$target"/lib/*.jar; do
    case "$(basename "$jar")" in javafx-*) ;; *) class_path_jars+=("$jar") ;; esac
done

# JDK 17 needs its jmods on the module path; a JDK that links from its run-time image (JEP 493) has none.
module_path=$fxmods
[ -d "$jdk/jmods" ] && module_path=$jdk/jmods:$fxmods

echo "build-runtime: jdeps over ${#class_path_jars[@]} library jars and the app jar"
found=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
          --module-path "$fxmods" "$app_jar" "${class_path_jars[@]}")
extra=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$here/extra-modules.txt" | paste -sd, -)
modules=$(printf '%s,%s\n' "$found" "$extra" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "build-runtime: modules: $modules"

rm -rf "$runtime"
# JDK 21 renamed the levels (2 is zip-6) and warns about the old ones.
compress=--compress=2
[ "$(jdk_feature "$jdk")" -ge 21 ] && compress=--compress=zip-6
# --exclude-resources: the JavaFX natives are put into runtime/lib below instead of inside lib/modules, so
# JavaFX loads them from there rather than extracting them to ~/.openjfx at first start (a noexec home
# would break that, and it costs start time).
"$jdk/bin/jlink" --module-path "$module_path" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages "$compress" \
    --exclude-resources='glob:/javafx.*/*.so' \
    --generate-cds-archive \
    --output "$runtime"

for jar in "$fxmods"/*.jar; do
    unzip -q -o -j "$jar" '*.so' -d "$runtime/lib" 2>/dev/null || true   # only javafx-graphics has natives
done
[ -f "$runtime/lib/libglassgtk3.so" ] || { echo "build-runtime: JavaFX natives missing in $runtime/lib" >&2; exit 1; }

# The compressed-oops-off CDS archive is only used with heaps over 32 GB; the symbol tables of the natives
# are not needed to run (about 5 MB, mostly libjvm.so).
rm -f "$runtime/lib/server/classes_nocoops.jsa"
if [ "$(jdk_feature "$runtime")" -ge 25 ]; then
    "$runtime/bin/java" -Xshare:dump -XX:SharedArchiveFile="$runtime/lib/server/classes.jsa" "${JAVA25_OPTIONS[@]}" \
        > "$work/runtime-cds.log" 2>&1 || { echo "build-runtime: CDS dump failed, see $work/runtime-cds.log" >&2; exit 1; }
fi
chmod -R u+w "$runtime"
find "$runtime" -name '*.so' -exec strip --strip-unneeded {} +

"$runtime/bin/java" --list-modules | sed 's/@.*//' > "$work/runtime-modules.txt"
echo "build-runtime: $(du -sm "$runtime" | cut -f1) MB in $runtime ($(wc -l < "$work/runtime-modules.txt") modules)"
