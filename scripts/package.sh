#!/bin/bash
# Builds everything an administrator carries across the air gap, under target/:
#   target/runtime                                    jlinked Java runtime (jlink/build-runtime.sh)
#   target/dist/mtc-assistant-VERSION-linux-x64.tar.gz   portable app-image (runs from anywhere)
#   target/dist/mtc-assistant_VERSION-1_amd64.deb        installs to /opt/mtc-assistant
#   target/dist/mtc-assistant-VERSION-1.x86_64.rpm       installs to /opt/mtc-assistant (needs rpmbuild)
#   target/dist/mtc-assistant-VERSION-offline-kit.tar.gz all of the above + INSTALL.txt + SHA256SUMS
#   target/package/sizes.txt                          the sizes of each
# Nothing is downloaded: the runtime comes from the local JDK's jmods and the JavaFX jars in target/lib.
#
# usage: scripts/package.sh [--no-build] [--types "app-image deb rpm kit"]
#   --no-build  use the jar and lib/ already in target/ (the Maven profile 'package' passes this)
# env:   JLINK_JDK (see jlink/build-runtime.sh), JPACKAGE_JDK (default: JLINK_JDK or the JDK 17 above)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging-lib.sh
. "$root/scripts/packaging-lib.sh"

build=yes
types="app-image deb rpm kit"
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=no ;;
        --types) types=$2; shift ;;
        *) echo "usage: $0 [--no-build] [--types \"app-image deb rpm kit\"]" >&2; exit 2 ;;
    esac
    shift
done

runtime_from=$(runtime_jdk)
# jpackage itself from Debian's JDK 17 when present: its .deb template is what packaging/linux/control follows
# (JDK 25's jpackage fills other placeholders); the launcher it makes starts any runtime image.
if [ -z "${JPACKAGE_JDK:-}" ] && [ -x "$DEBIAN_JDK_17/bin/jpackage" ]; then JPACKAGE_JDK=$DEBIAN_JDK_17; fi
jdk=${JPACKAGE_JDK:-$runtime_from}
# The start-up cache (MTC_STARTUP_CACHE): "cds" (default) an AppCDS archive dumped at install time from a class list
# recorded here (packaging/app-image/cds-archive.sh); "aot" (Java 25+ only) the ahead-of-time cache of JEP 483/514/515
# made by a training run here. The AOT cache loads every class it holds at each start, so a cache trained on the
# desktop app makes '--version' slower; scripts/measure-cli.sh and measure-startup.sh compare the two.
feature=$(jdk_feature "$runtime_from")
case "${MTC_STARTUP_CACHE:-cds}" in
    cds) aot=no ;;
    aot) if [ "$feature" -ge 25 ]; then aot=yes; else
             echo "package: MTC_STARTUP_CACHE=aot needs a Java 25+ runtime ($runtime_from is $feature): AppCDS instead" >&2
             aot=no; fi ;;
    *) echo "package: MTC_STARTUP_CACHE must be cds or aot, not '$MTC_STARTUP_CACHE'" >&2; exit 2 ;;
esac
target=$root/target
work=$target/package
dist=$target/dist
name=mtc-assistant
main_class=io.mtcassistant.Launcher
description="Installs the Migration Toolkit for Containers in a restricted network, and watches migrations."
vendor="MTC Assistant project"
maintainer="mtc-assistant@example.invalid"
t0=$(date +%s)
step() { echo "package: [$(( $(date +%s) - t0 ))s] $*"; }

if [ "$build" = yes ]; then
    step "mvn package"
    (cd "$root" && mvn -B -q -o package -DskipTests)
fi
[ -f "$target/$name.jar" ] || { echo "package: $target/$name.jar is missing; run 'mvn package' first" >&2; exit 2; }

version=$(sed -n 's/^version=//p' "$target/maven-archiver/pom.properties" 2>/dev/null || true)
version=${version:-$(unzip -p "$target/$name.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')}
pkg_version=${version%%-*}            # jpackage accepts only numbers and dots (0.1.0-SNAPSHOT -> 0.1.0)
[ -n "$pkg_version" ] || { echo "package: cannot read the project version" >&2; exit 1; }

rm -rf "$work" "$dist"
mkdir -p "$work" "$dist"

step "runtime image (jdeps + jlink)"
"$root/jlink/build-runtime.sh" "$target"

step "app-image"
input=$work/input
mkdir -p "$input/lib"
cp "$target/$name.jar" "$input/"
for jar in "$target"/lib/*.jar; do
    # JavaFX is linked into the runtime as modules; the class path must not carry a second copy.
    case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$input/lib/" ;; esac
done
# Stored (uncompressed) jars let the packages' xz compress the classes: a much smaller .deb and .rpm.
"$jdk/bin/java" "$root/packaging/tools/StoreJars.java" "$input/$name.jar" "$input"/lib/*.jar
# StoreJars writes its temporary files with mode 600; an app-image unpacked by root must run for every user.
chmod 644 "$input/$name.jar" "$input"/lib/*.jar
# JVM options of the launcher (lib/app/mtc-assistant.cfg):
#  - UTF-8 file contents whatever the locale (Java 17 would take the POSIX locale's ASCII);
#  - class data sharing from lib/app/mtc-assistant.jsa (see packaging/app-image/cds-archive.sh);
#  - JVM warnings to stderr, never stdout, so '--output json' and --version stay clean for scripts.
#  - Java 25: the AOT cache lib/app/mtc-assistant.aot; JavaFX 21 may load its natives and use sun.misc.Unsafe
#    without the JVM's warnings on every start (JEP 472, JEP 471).
if [ "$aot" = yes ]; then
    cache_options=(--java-options '-XX:AOTCache=$APPDIR/mtc-assistant.aot')
else
    cache_options=(--java-options '-XX:SharedArchiveFile=$APPDIR/mtc-assistant.jsa')
fi
if [ "$feature" -ge 25 ]; then
    for option in "${JAVA25_OPTIONS[@]}"; do cache_options+=(--java-options "$option"); done
fi
"$jdk/bin/jpackage" --type app-image --dest "$work/app-image" \
    --runtime-image "$target/runtime" --input "$input" \
    --main-jar "$name.jar" --main-class "$main_class" \
    --name "$name" --app-version "$pkg_version" \
    --description "$description" --vendor "$vendor" \
    --icon "$root/icons/$name-256.png" \
    --java-options '-Dfile.encoding=UTF-8' \
    "${cache_options[@]}" \
    --java-options '-Xlog:disable' --java-options '-Xlog:all=warning:stderr'
app=$work/app-image/$name

# bin/mtc-assistant is our launcher script (packaging/app-image/launcher.sh) instead of jpackage's native one; it
# reads the JVM options and the class path of jpackage's lib/app/mtc-assistant.cfg from lib/app/launcher.conf.
cfg=$app/lib/app/$name.cfg
launcher_conf() {   # launcher_conf CFG: the launcher.conf of a jpackage .cfg, $APPDIR made the launcher's $app
    echo "# Written by scripts/package.sh from $name.cfg; sourced by bin/$name and lib/scripts/cds-archive.sh."
    echo "jvm_options=("
    sed -n 's/^java-options=//p' "$1" | sed 's/\$APPDIR/$app/g' | while IFS= read -r option; do
        printf '    "%s"\n' "$option"
    done
    echo ")"
    printf 'class_path="%s"\n' "$(sed -n 's/^app.classpath=//p' "$1" | sed 's/\$APPDIR/$app/g' | paste -sd:)"
    printf 'main_class=%s\n' "$(sed -n 's/^app.mainclass=//p' "$1")"
}
launcher_conf "$cfg" > "$app/lib/app/launcher.conf"
install -m 755 "$root/packaging/app-image/launcher.sh" "$app/bin/$name"

# Files jpackage has no option for: the maintainer helpers, the menu entry and the icons. They go below lib/:
# jpackage's .deb replaces the app-image's share/ with its own.
mkdir -p "$app/lib/scripts" "$app/lib/desktop"
install -m 755 "$root/packaging/app-image/integrate.sh" "$root/packaging/app-image/cds-archive.sh" "$app/lib/scripts/"
for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "$root/icons/$name-$size.png" "$app/lib/desktop/icons/hicolor/${size}x${size}/apps/$name.png"
done
install -D -m 644 "$root/icons/$name.svg" "$app/lib/desktop/icons/hicolor/scalable/apps/$name.svg"

# StartupWMClass must equal the WM_CLASS JavaFX gives the window: the name of the Application subclass.
wm_class_from_classes() {
    local classes
    classes=$(cd "$target/classes" && find . -name '*.class' | sed -e 's|^\./||' -e 's|\.class$||' -e 's|/|.|g')
    [ -n "$classes" ] || return 0
    # shellcheck disable=SC2086
    "$jdk/bin/javap" -cp "$target/classes" $classes 2>/dev/null \
        | sed -n 's/^.*class \([^ ]*\) extends javafx\.application\.Application.*$/\1/p' | head -1
}
wm_class=$(wm_class_from_classes)

# One training run of the desktop app on the demo: the window, the simulated clusters and the fabric8 client (what
# the commands use too), so the cache covers 'clusters' and 'check' as well. Sets wm_class from the window.
# train_desktop JAVA_TOOL_OPTIONS: 1 when no window was shown (no Xvfb, or the app failed).
training_home=$work/training-home
mkdir -p "$training_home"
train_desktop() {
    start_xvfb || { echo "package: WARNING: no Xvfb for the training run" >&2; return 1; }
    trap 'stop_app; stop_xvfb' EXIT
    local shown=1 window seen
    if HOME=$training_home XDG_CONFIG_HOME=$training_home/.config XDG_STATE_HOME=$training_home/.state \
            XDG_CACHE_HOME=$training_home/.cache XDG_DATA_HOME=$training_home/.local/share \
            JAVA_TOOL_OPTIONS="$1" launch_until_window "$work/training.log" 120 "$app/bin/$name" --demo; then
        shown=0
        step "desktop app shown after ${SHOWN_MS} ms (by $SHOWN_BY) in the training run"
        for _ in $(seq 1 150); do
            grep -q 'Simulated clusters started' "$training_home/.state/$name/$name.log" 2>/dev/null && break
            sleep 0.2
        done
        sleep 2      # let the clusters page take the demo kubeconfig and connect
        window=$(viewable_app_window || true)
        if [ -n "$window" ]; then
            seen=$(xprop -id "$window" WM_CLASS 2>/dev/null | sed -n 's/^WM_CLASS(STRING) = "\([^"]*\)".*/\1/p')
            [ -n "$seen" ] && wm_class=$seen
        fi
    fi
    # SIGTERM is a normal exit for the JVM: it writes an AOT cache then, which takes a while.
    kill "$APP_PID" 2>/dev/null || true
    wait_for_exit "$APP_PID" 300
    stop_xvfb
    trap - EXIT
    return $shown
}

if [ "$aot" = yes ]; then
    step "training run: AOT cache (desktop app on the demo clusters)"
    cache=$app/lib/app/$name.aot
    rm -f "$cache"
    # The JVM accepts the cache only while every jar on the class path has the modification time it had in the
    # training run, and jpackage's .deb and .rpm copy the jars anew: they are pinned to one time here, and
    # cds-archive.sh create (run at install) sets them back to it.
    jar_mtime=$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1700000000)
    find "$app/lib/app" -name '*.jar' -exec touch -m -d "@$jar_mtime" {} +
    echo "$jar_mtime" > "$app/lib/app/$name.aot-jar-mtime"
    # The JVM refuses -XX:AOTCache together with -XX:AOTCacheOutput: the training run's launcher goes without it.
    grep -v -- '-XX:AOTCache=' "$cfg" > "$work/training.cfg"
    launcher_conf "$work/training.cfg" > "$app/lib/app/launcher.conf"
    if ! train_desktop "-XX:AOTCacheOutput=$cache" || [ ! -s "$cache" ]; then
        # No display (or no window): train the command line alone, so the package still has a cache.
        echo "package: WARNING: no window in the training run; the AOT cache covers the command line only" >&2
        HOME=$training_home JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache" "$app/bin/$name" --help >/dev/null 2>&1 || true
    fi
    launcher_conf "$cfg" > "$app/lib/app/launcher.conf"
    [ -s "$cache" ] || { echo "package: the training run wrote no AOT cache ($cache); log: $work/training.log" >&2; exit 1; }
    step "AOT cache: $(du -m "$cache" | cut -f1) MB"
else
    step "training run: class list for class data sharing"
    # The class list records what the desktop app on the demo and the command line load; the archive itself is
    # dumped where the app ends up (see cds-archive.sh). The JVM maps the archive's classes as they are asked for,
    # so a long list costs a command nothing.
    ln -sfn ../runtime/lib/server/classes.jsa "$app/lib/app/$name.jsa"
    classlist=$app/lib/app/$name.classlist
    if ! train_desktop "-XX:DumpLoadedClassList=$work/classlist.desktop"; then
        echo "package: WARNING: the training run did not show a window; the class list covers the command line only" >&2
    fi
    for args in "--version" "--help"; do
        # shellcheck disable=SC2086
        HOME=$training_home JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classlist.cli" \
            "$app/bin/$name" $args >/dev/null 2>&1 || true
        cat "$work/classlist.cli" >> "$work/classlist.all" 2>/dev/null || true
    done
    # Each run numbers its classes ("id: N", used only by classes of custom loaders, which these lists have none
    # of); merged lists would repeat numbers, which Java 25's -Xshare:dump refuses, so the numbers go.
    cat "$work/classlist.desktop" "$work/classlist.all" 2>/dev/null \
        | awk '{ sub(/ id: [0-9]+$/, "") } NF && !seen[$0]++' > "$classlist"
    step "class list: $(wc -l < "$classlist") classes"
fi
[ -n "$wm_class" ] || wm_class=$main_class
sed "s|@STARTUP_WM_CLASS@|$wm_class|" "$root/packaging/app-image/$name.desktop" \
    > "$app/lib/desktop/$name.desktop"
echo "$wm_class" > "$work/startup-wm-class.txt"

app_image_name=$name-$pkg_version-linux-x64
if [[ " $types " == *" app-image "* || " $types " == *" kit "* ]]; then
    step "app-image archive"
    # The portable image keeps lib/app/mtc-assistant.jsa as a link to the JDK's own archive; the user may run
    # lib/scripts/cds-archive.sh create where it was unpacked for the full archive.
    tar -C "$work/app-image" --transform "s|^$name|$app_image_name|" --owner=0 --group=0 \
        -czf "$dist/$app_image_name.tar.gz" "$name"
fi
# The packages create the archive (or the link) at install time, so it is not part of their file list.
rm -f "$app/lib/app/$name.jsa"

# The oldest glibc the packages can run on: the newest GLIBC_ symbol version among the runtime's natives.
glibc=$(find "$target/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec objdump -T {} + 2>/dev/null \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1 || true)
if [ -z "$glibc" ]; then
    glibc=2.34; echo "package: WARNING: no objdump (Debian package binutils): assuming glibc $glibc" >&2
fi
step "the runtime's natives need glibc $glibc or newer"
prop() { sed -n "s/^$1=//p" "$root/packaging/dependencies.properties" | sed "s/@GLIBC@/$glibc/g"; }

if [[ " $types " == *" deb "* || " $types " == *" kit "* ]]; then
    step "deb"
    res=$work/deb-resources
    mkdir -p "$res"
    install -m 755 "$root/packaging/linux/postinst" "$root/packaging/linux/prerm" "$res/"
    sed -e "s/@DEB_DEPENDS@/$(prop deb.depends)/" -e "s/@DEB_RECOMMENDS@/$(prop deb.recommends)/" \
        "$root/packaging/linux/control" > "$res/control"
    # dpkg-deb's xz, on all cores (jpackage runs dpkg-deb without options).
    DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-6} \
    DPKG_DEB_THREADS_MAX=${DPKG_DEB_THREADS_MAX:-$(nproc)} \
    "$jdk/bin/jpackage" --type deb --app-image "$app" --dest "$dist" \
        --name "$name" --app-version "$pkg_version" \
        --description "$description" --vendor "$vendor" \
        --linux-package-name "$name" --linux-deb-maintainer "$maintainer" --linux-app-category admin \
        --resource-dir "$res"
fi

if [[ " $types " == *" rpm "* || " $types " == *" kit "* ]]; then
    if command -v rpmbuild >/dev/null 2>&1; then
        step "rpm"
        res=$work/rpm-resources
        mkdir -p "$res"
        sed -e "s/@RPM_REQUIRES@/$(prop rpm.requires)/" "$root/packaging/linux/$name.spec" > "$res/$name.spec"
        "$jdk/bin/jpackage" --type rpm --app-image "$app" --dest "$dist" \
            --name "$name" --app-version "$pkg_version" \
            --description "$description" --vendor "$vendor" \
            --linux-package-name "$name" --linux-rpm-license-type "Proprietary" --linux-app-category "Applications/System" \
            --resource-dir "$res"
    else
        echo "package: WARNING: no rpmbuild (Debian package 'rpm'); skipping the .rpm" >&2
    fi
fi

if [[ " $types " == *" kit "* ]]; then
    step "offline kit"
    "$root/packaging/make-offline-kit.sh" "$dist" "$pkg_version"
fi

{
    echo "MTC Assistant $pkg_version packaging sizes (MB = 1,000,000 bytes; disk usage for folders)"
    printf '%-44s %8s\n' "runtime (target/runtime)" "$(du -sb "$target/runtime" | awk '{printf "%.1f MB", $1/1e6}')"
    printf '%-44s %8s\n' "app-image folder" "$(du -sb "$app" | awk '{printf "%.1f MB", $1/1e6}')"
    for f in "$dist"/*; do
        [ -f "$f" ] && printf '%-44s %8s\n' "$(basename "$f")" "$(stat -c %s "$f" | awk '{printf "%.1f MB", $1/1e6}')"
    done
    echo "runtime modules: $(paste -sd' ' "$work/runtime-modules.txt")"
    echo "StartupWMClass: $wm_class"
    echo "runtime: $("$target/runtime/bin/java" -version 2>&1 | sed -n 2p); needs glibc $glibc or newer"
} > "$work/sizes.txt"
cat "$work/sizes.txt"
step "done"
