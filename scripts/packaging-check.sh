#!/bin/bash
# Packaging check (CI): builds the app-image and the .deb, then on THIS machine, as root:
#   1. the portable app-image, unpacked elsewhere, runs --version with no java on the PATH;
#   2. dpkg -i installs the .deb: /usr/bin/mtc-assistant, menu entry, icons, class data sharing archive;
#   3. the installed app runs --version and 'clusters --help' (or '--help' while the source has no clusters
#      command), and the desktop app opens under Xvfb: screenshot target/packaging-check/screenshot.png;
#   4. dpkg -r / --purge removes it and leaves no file behind;
#   5. on a system without a writable menu folder the install and the removal still succeed.
#   The installed app starts with its start-up cache, and the check FAILS when the JVM rejects it: the class data
#   sharing archive (-Xshare:on) or, packaged with MTC_STARTUP_CACHE=aot, the AOT cache (-XX:AOTMode=on); both
#   make the JVM refuse to start without the cache.
# Also reports the start time (median of 3) of the packaged app and of java -jar. No timing is asserted.
# Needs: root, dpkg, fakeroot, Xvfb, ImageMagick 'import', libgtk-3-0; x11-utils (xprop, xwininfo) optional.
#
# usage: scripts/packaging-check.sh [--no-build] [--no-package] [--runs N]
#   --no-build    use target/*.jar as built (skip mvn package)
#   --no-package  use target/dist as built by scripts/package.sh (skip packaging)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging-lib.sh
. "$root/scripts/packaging-lib.sh"

build=yes
package=yes
runs=3    # CI time is precious: 3 starts each are enough for a median that is printed, never asserted
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=no ;;
        --no-package) package=no ;;
        --runs) runs=$2; shift ;;
        *) echo "usage: $0 [--no-build] [--no-package] [--runs N]" >&2; exit 2 ;;
    esac
    shift
done

name=mtc-assistant
target=$root/target
out=$target/packaging-check
t0=$(date +%s)
failures=0
passes=0
step() { echo "check: [$(( $(date +%s) - t0 ))s] $*"; }
pass() { echo "  ok   $*"; passes=$((passes + 1)); }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }
expect() {   # expect DESCRIPTION COMMAND...: runs COMMAND, passes when it succeeds
    local what=$1; shift
    if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}

[ "$(id -u)" = 0 ] || { echo "check: must run as root (it installs the .deb with dpkg -i)" >&2; exit 2; }
for tool in dpkg fakeroot Xvfb import; do
    command -v "$tool" >/dev/null 2>&1 || { echo "check: '$tool' is missing (apt-get install xvfb xauth imagemagick fakeroot libgtk-3-0)" >&2; exit 2; }
done
# x11-utils (xwininfo, xprop) is optional: without it the start is timed by the app's marker only and the
# menu entry's StartupWMClass is not compared with the window.
have_x11_utils=no
command -v xprop >/dev/null 2>&1 && command -v xwininfo >/dev/null 2>&1 && have_x11_utils=yes

if dpkg -s "$name" >/dev/null 2>&1; then
    echo "check: $name is installed on this machine already; remove it first (dpkg --purge $name)" >&2
    exit 2
fi

rm -rf "$out"
mkdir -p "$out"
tmp=$(mktemp -d /tmp/mtc-packaging-check.XXXXXX)
cleanup() {
    stop_app
    stop_xvfb
    if dpkg -s "$name" >/dev/null 2>&1; then dpkg --purge "$name" >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$package" = yes ]; then
    step "packaging (app-image, deb)"
    args=(--types "app-image deb")
    [ "$build" = no ] && args+=(--no-build)
    # xz level 1 instead of 6 for the check's .deb: same files, a few MB larger, minutes faster on 2 cores.
    DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1} \
    "$root/scripts/package.sh" "${args[@]}" > "$out/package.log" 2>&1 \
        || { tail -30 "$out/package.log"; echo "check: packaging failed; log: $out/package.log" >&2; exit 1; }
    grep -E '^package: |MB' "$out/package.log" | sed 's/^/  /'
fi
deb=$(ls "$target"/dist/${name}_*_amd64.deb 2>/dev/null | head -1)
tarball=$(ls "$target"/dist/$name-*-linux-x64.tar.gz 2>/dev/null | head -1)
[ -f "$deb" ] && [ -f "$tarball" ] || { echo "check: no .deb or app-image archive in $target/dist" >&2; exit 1; }
version=$(dpkg-deb -f "$deb" Version); version=${version%-*}

check_version_output() {   # check_version_output FILE: app, Java runtime and JavaFX versions
    grep -q "^$name $version\$" "$1" && grep -Eq '^Java (17|25)' "$1" && grep -q '^JavaFX 21' "$1"
}

step "1. portable app-image: --version with no java on the PATH"
mkdir -p "$tmp/portable"
tar -xzf "$tarball" -C "$tmp/portable"
image=$(ls -d "$tmp"/portable/$name-*)
# env -i: no JAVA_HOME, no PATH entry with a java; the launcher must use its own runtime.
if env -i HOME="$tmp/home" PATH=/nonexistent "$image/bin/$name" --version > "$out/portable-version.txt" 2>&1 \
        && check_version_output "$out/portable-version.txt" && ! grep -q '\[error' "$out/portable-version.txt"; then
    pass "app-image --version: $(paste -sd'|' "$out/portable-version.txt")"
else
    fail "app-image --version (output in $out/portable-version.txt)"; cat "$out/portable-version.txt"
fi
expect "app-image runtime has no dependency on a system java (lib/runtime/bin/java is its own)" \
    test -x "$image/lib/runtime/bin/java"
if [ -f "$image/lib/app/$name.aot" ]; then
    # Made at package time in another folder: the JVM must still accept it where the image was unpacked.
    if env -i PATH=/nonexistent JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$image/bin/$name" --version \
            > "$out/portable-aot.txt" 2>&1; then
        pass "app-image --version with its AOT cache where it was unpacked (-XX:AOTMode=on)"
    else
        fail "app-image: the JVM rejected the AOT cache where the image was unpacked:"; cat "$out/portable-aot.txt"
    fi
else
    if "$image/lib/scripts/cds-archive.sh" create > "$out/portable-cds.txt" 2>&1 && [ -f "$image/lib/app/$name.jsa" ] \
            && [ ! -L "$image/lib/app/$name.jsa" ]; then
        pass "app-image: cds-archive.sh create made an archive where it was unpacked"
    else
        fail "app-image: cds-archive.sh create ($(cat "$out/portable-cds.txt"))"
    fi
    expect "app-image --version with its archive" env -i PATH=/nonexistent "$image/bin/$name" --version
fi

snapshot() { find /opt /usr/bin /usr/share/applications /usr/share/icons/hicolor 2>/dev/null | sort; }
snapshot > "$out/files-before.txt"

step "2. dpkg -i $(basename "$deb")"
if dpkg -i "$deb" > "$out/dpkg-install.log" 2>&1; then pass "dpkg -i"; else fail "dpkg -i"; cat "$out/dpkg-install.log"; exit 1; fi
expect "/usr/bin/$name links to /opt/$name/bin/$name" test "$(readlink /usr/bin/$name)" = "/opt/$name/bin/$name"
expect "menu entry /usr/share/applications/$name.desktop" test -f "/usr/share/applications/$name.desktop"
expect "menu entry: Categories=System;" grep -qx 'Categories=System;' "/usr/share/applications/$name.desktop"
expect "icons in hicolor (48, 256, scalable)" test -f /usr/share/icons/hicolor/48x48/apps/$name.png \
    -a -f /usr/share/icons/hicolor/256x256/apps/$name.png -a -f /usr/share/icons/hicolor/scalable/apps/$name.svg
# uses_cache TAG JVM_OPTION REJECTED_PATTERN WHAT: the installed app's --version and --help with a JVM option that
# makes it refuse to start without its start-up cache (it logs why on stderr), and no rejection in its output.
uses_cache() {
    for args in --version --help; do
        if (cd "$tmp" && HOME="$tmp/home" JAVA_TOOL_OPTIONS="$2" /usr/bin/$name $args) \
                > "$out/$1$args.txt" 2>&1 && ! grep -qiE "$3" "$out/$1$args.txt"; then
            pass "the installed app $args uses its $4 ($2)"
        else
            fail "the JVM rejected the $4 for $args:"; cat "$out/$1$args.txt"
        fi
    done
}
if [ -f "/opt/$name/lib/app/$name.aot" ]; then
    aot=yes
    pass "AOT cache installed: /opt/$name/lib/app/$name.aot ($(du -m "/opt/$name/lib/app/$name.aot" | cut -f1) MB)"
    uses_cache aot -XX:AOTMode=on 'aot cache.*(disabled|mismatch|fail|not)|unable to use' "AOT cache"
else
    aot=no
    expect "class data sharing archive made at install" test -f "/opt/$name/lib/app/$name.jsa" -a ! -L "/opt/$name/lib/app/$name.jsa"
    uses_cache cds -Xshare:on '\[error' "class data sharing archive"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    expect "desktop-file-validate" desktop-file-validate "/usr/share/applications/$name.desktop"
fi
depends=$(dpkg-deb -f "$deb" Depends)
expect "Depends names GTK 3 (libgtk-3-0 | libgtk-3-0t64): $depends" grep -q 'libgtk-3-0 | libgtk-3-0t64' <<<"$depends"

step "3. the installed app"
if (cd "$tmp" && HOME="$tmp/home" PATH=/usr/bin:/bin mtc-assistant --version) > "$out/installed-version.txt" 2>&1 \
        && check_version_output "$out/installed-version.txt"; then
    pass "mtc-assistant --version (from the PATH): $(paste -sd'|' "$out/installed-version.txt")"
else
    fail "mtc-assistant --version"; cat "$out/installed-version.txt"
fi
if grep -rqs 'name = "clusters"' "$root/src/main/java"; then help_args=(clusters --help); else help_args=(--help); fi
if HOME="$tmp/home" "/opt/$name/bin/$name" "${help_args[@]}" > "$out/installed-help.txt" 2>&1 \
        && grep -qi 'usage' "$out/installed-help.txt"; then
    pass "/opt/$name/bin/$name ${help_args[*]}"
else
    fail "/opt/$name/bin/$name ${help_args[*]}"; cat "$out/installed-help.txt"
fi

start_xvfb || { fail "Xvfb did not start"; exit 1; }
mkdir -p "$tmp/home"
if HOME="$tmp/home" launch_until_window "$out/desktop-app.log" 90 /usr/bin/$name; then
    pass "desktop app window shown after ${SHOWN_MS} ms (by $SHOWN_BY)"
    archive=/opt/$name/lib/app/$name.jsa
    [ "$aot" = yes ] && archive=/opt/$name/lib/app/$name.aot
    if grep -q "$archive" "/proc/$APP_PID/maps" 2>/dev/null; then
        pass "the desktop app's JVM maps $archive"
    else
        fail "the desktop app's JVM does not use $archive"
    fi
    sleep 3     # let the first screen render
    if [ "$have_x11_utils" = yes ]; then
        window=$(viewable_app_window || true)
        wm_class=$(xprop -id "$window" WM_CLASS 2>/dev/null | sed -n 's/^WM_CLASS(STRING) = "\([^"]*\)".*/\1/p')
        expect "StartupWMClass of the menu entry is the window's WM_CLASS ($wm_class)" \
            grep -qxF "StartupWMClass=$wm_class" "/usr/share/applications/$name.desktop"
    else
        echo "  skip StartupWMClass against the window's WM_CLASS (no xprop: apt-get install x11-utils)"
    fi
    import -window root "$out/screenshot.png"
    colours=$(convert "$out/screenshot.png" -format %k info: 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 16 ]; then pass "screenshot $out/screenshot.png ($colours colours)"; else fail "screenshot looks empty ($colours colours)"; fi
else
    fail "desktop app did not show its window"; tail -20 "$out/desktop-app.log"
fi
stop_app

step "startup: median of $runs (launch to main window shown, Xvfb)"
startup() {   # startup LABEL CMD...: median of $runs launches
    local label=$1 times=() i; shift
    for i in $(seq 1 "$runs"); do
        if HOME="$tmp/home" launch_until_window "$out/startup.log" 90 "$@"; then times+=("$SHOWN_MS"); fi
        stop_app
    done
    if [ ${#times[@]} -gt 0 ]; then
        echo "$label: median $(median "${times[@]}") ms of ${times[*]} (by $SHOWN_BY)" | tee -a "$out/startup.txt" | sed 's/^/  /'
    else
        fail "$label: no window"
    fi
}
: > "$out/startup.txt"
if [ "$aot" = yes ]; then
    # AOTMode=on: a rejected cache fails the start instead of timing a start without it.
    JAVA_TOOL_OPTIONS="-XX:AOTMode=on" startup "packaged app (/usr/bin/$name, AOT cache)" /usr/bin/$name
else
    startup "packaged app (/usr/bin/$name, AppCDS)" /usr/bin/$name
fi
if [ -d "$target/lib" ]; then
    startup "java -jar target/$name.jar (system JDK)" java -jar "$target/$name.jar"
fi
stop_xvfb

step "start-up of the command line (scripts/measure-cli.sh --short: printed, never asserted)"
if [ -f "$target/$name.jar" ]; then
    "$root/scripts/measure-cli.sh" --short --app /usr/bin/$name 2>&1 | tee "$out/measure-cli.txt" | sed 's/^/  /' || true
fi

step "4. dpkg -r and --purge"
if dpkg -r "$name" > "$out/dpkg-remove.log" 2>&1 && dpkg --purge "$name" >> "$out/dpkg-remove.log" 2>&1; then
    pass "dpkg -r, dpkg --purge"
else
    fail "dpkg -r / --purge"; cat "$out/dpkg-remove.log"
fi
snapshot > "$out/files-after.txt"
if diff "$out/files-before.txt" "$out/files-after.txt" > "$out/files-left.diff"; then
    pass "no file left behind (/opt, /usr/bin, /usr/share/applications, /usr/share/icons/hicolor)"
else
    fail "files differ after removal:"; head -20 "$out/files-left.diff"
fi

step "5. minimal system: no writable system menu folder"
# The maintainer scripts use MTC_ASSISTANT_DATA_DIR instead of /usr/share when it is set (dpkg passes the
# environment on). Below a regular file nothing can be created, not even by root.
: > "$tmp/not-a-folder"
if MTC_ASSISTANT_DATA_DIR="$tmp/not-a-folder/share" dpkg -i "$deb" > "$out/dpkg-install-minimal.log" 2>&1; then
    pass "dpkg -i succeeds without a menu folder ($(grep -c 'mtc-assistant:' "$out/dpkg-install-minimal.log") notes)"
else
    fail "dpkg -i without a menu folder"; cat "$out/dpkg-install-minimal.log"
fi
expect "the app runs there: --version" /opt/$name/bin/$name --version
if MTC_ASSISTANT_DATA_DIR="$tmp/not-a-folder/share" dpkg --purge "$name" > "$out/dpkg-remove-minimal.log" 2>&1; then
    pass "dpkg --purge without a menu folder"
else
    fail "dpkg --purge without a menu folder"; cat "$out/dpkg-remove-minimal.log"
fi
snapshot > "$out/files-after-minimal.txt"
expect "no file left behind after the minimal-system round" diff -q "$out/files-before.txt" "$out/files-after-minimal.txt"

step "done: $failures failure(s); screenshot: $out/screenshot.png"
echo "packaging: $passes passed, $failures failed"
[ "$failures" = 0 ]
