#!/bin/sh
# System integration of an installed MTC Assistant, called by the .deb and .rpm maintainer scripts:
#   integrate.sh install   puts mtc-assistant on the PATH (/usr/bin), adds the menu entry and the icons
#   integrate.sh remove    takes back exactly what install added
# Every step may fail on a minimal or read-only system (no writable /usr/share/applications, no icon theme
# tools). A failed step is reported on stderr and never fails the package operation: the app itself works
# from /opt/mtc-assistant/bin/mtc-assistant without any of this.
set -u

app_dir=$(cd "$(dirname "$0")/../.." && pwd)
name=mtc-assistant
# What install created, so remove takes back only that (and leaves shared folders others own alone).
manifest=$app_dir/lib/system-integration.list
bin_link=${MTC_ASSISTANT_BIN_DIR:-/usr/bin}/$name
data_dir=${MTC_ASSISTANT_DATA_DIR:-/usr/share}

note() { echo "mtc-assistant: $*" >&2; }

record() { echo "$1 $2" >> "$manifest"; }

make_dir() {   # make_dir DIR: creates DIR and its missing parents, recording each one it created
    [ -d "$1" ] && return 0
    make_dir "$(dirname "$1")" || return 1
    mkdir "$1" 2>/dev/null || return 1
    record d "$1"
}

copy_file() {   # copy_file SRC DEST: atomic copy (temp file + rename), recorded
    make_dir "$(dirname "$2")" || return 1
    tmp="$2.tmp.$$"
    if cp "$1" "$tmp" 2>/dev/null && chmod 644 "$tmp" && mv -f "$tmp" "$2"; then
        record f "$2"
    else
        rm -f "$tmp" 2>/dev/null
        return 1
    fi
}

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data_dir/applications" ]; then
        update-desktop-database -q "$data_dir/applications" 2>/dev/null || true
    fi
    if [ -d "$data_dir/icons/hicolor" ]; then
        touch "$data_dir/icons/hicolor" 2>/dev/null || true
        if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_dir/icons/hicolor/index.theme" ]; then
            gtk-update-icon-cache -q -t -f "$data_dir/icons/hicolor" 2>/dev/null || true
        fi
    fi
}

install_integration() {
    remove_integration quiet      # a re-run (reinstall, failed upgrade) starts clean
    : > "$manifest" 2>/dev/null || { note "cannot write $manifest; skipping the menu entry and the PATH link"; return 0; }

    if [ "$(readlink "$bin_link" 2>/dev/null)" = "$app_dir/bin/$name" ]; then
        record l "$bin_link"      # ours from an earlier install whose list was lost
    elif [ -e "$bin_link" ] || [ -L "$bin_link" ]; then
        note "$bin_link exists and is not ours; left alone (run $app_dir/bin/$name)"
    elif make_dir "$(dirname "$bin_link")" && ln -s "$app_dir/bin/$name" "$bin_link" 2>/dev/null; then
        record l "$bin_link"
    else
        note "could not create $bin_link; run $app_dir/bin/$name"
    fi

    if ! copy_file "$app_dir/lib/desktop/$name.desktop" "$data_dir/applications/$name.desktop"; then
        note "no writable system menu folder ($data_dir/applications); menu entry not added"
    fi

    icons_ok=yes
    for icon in "$app_dir"/lib/desktop/icons/hicolor/*/apps/*; do
        [ -f "$icon" ] || continue
        rel=${icon#"$app_dir/lib/desktop/icons/"}
        copy_file "$icon" "$data_dir/icons/$rel" || icons_ok=no
    done
    [ "$icons_ok" = yes ] || note "could not install all icons under $data_dir/icons; the menu shows a generic icon"

    refresh_caches
    return 0
}

remove_integration() {
    [ -f "$manifest" ] || return 0
    # Files and links first, then the folders install created, deepest first, only when empty.
    while read -r kind path; do
        case "$kind" in
            f) rm -f "$path" 2>/dev/null ;;
            l) [ "$(readlink "$path" 2>/dev/null)" = "$app_dir/bin/$name" ] && rm -f "$path" 2>/dev/null ;;
        esac
    done < "$manifest"
    grep '^d ' "$manifest" | cut -c3- | sort -r | while read -r dir; do
        rmdir "$dir" 2>/dev/null || true
    done
    rm -f "$manifest"
    [ "${1:-}" = quiet ] || refresh_caches
    return 0
}

case "${1:-}" in
    install) install_integration ;;
    remove) remove_integration ;;
    *) echo "usage: $0 install|remove" >&2; exit 2 ;;
esac
exit 0
