#!/bin/bash
# Class data sharing (AppCDS) archive for a faster start, made where the app is installed:
#   cds-archive.sh create   dumps lib/app/mtc-assistant.jsa from the class list recorded at package time
#   cds-archive.sh remove   deletes it again (the .deb/.rpm call this before removal)
# The launcher always points the JVM at lib/app/mtc-assistant.jsa. A Java 17 archive records the absolute
# paths of the jars, so it cannot be built at package time for an app that is installed or unpacked elsewhere.
# When the dump fails, the path becomes a link to the runtime's own JDK archive, so the JVM keeps the JDK
# part of class sharing; an archive that does not match is ignored by the JVM (-Xshare:auto).
set -u

# -P: the launcher expands $APPDIR from its real path, and the archive records the jar paths it sees.
app_dir=$(cd -P "$(dirname "$0")/../.." && pwd -P)
archive=$app_dir/lib/app/mtc-assistant.jsa
classlist=$app_dir/lib/app/mtc-assistant.classlist
jdk_archive=../runtime/lib/server/classes.jsa

link_jdk_archive() {
    rm -f "$archive" && ln -s "$jdk_archive" "$archive"
}

create() {
    if [ -f "$app_dir/lib/app/mtc-assistant.aot" ]; then
        # A Java 25 runtime: the AOT cache made at package time does this job, wherever the app is, once the jars
        # carry the modification time of the training run again (the package manager gave them its own).
        mtime=$(cat "$app_dir/lib/app/mtc-assistant.aot-jar-mtime" 2>/dev/null || true)
        if [ -n "$mtime" ]; then
            find "$app_dir/lib/app" -name '*.jar' -exec touch -m -d "@$mtime" {} +
        fi
        return 0
    fi
    if [ ! -f "$classlist" ]; then
        link_jdk_archive
        return 0
    fi
    # The launcher's own options and class path (among them -XX:SharedArchiveFile=<this archive>, so the JVM dumps
    # straight to it) without a main class: Java 25 would run the app after the dump.
    rm -f "$archive"
    local app=$app_dir/lib/app jvm_options class_path main_class
    # shellcheck source=/dev/null
    . "$app/launcher.conf" || { link_jdk_archive; return 0; }
    if "$app_dir/lib/runtime/bin/java" "${jvm_options[@]}" -Xshare:dump -XX:SharedClassListFile="$classlist" \
            -cp "$class_path" >/dev/null 2>&1 && [ -s "$archive" ] && [ ! -L "$archive" ]; then
        chmod 644 "$archive"
        echo "mtc-assistant: class data sharing archive created ($(du -k "$archive" | cut -f1) KB)"
    else
        link_jdk_archive
        echo "mtc-assistant: class data sharing archive not created; the app starts without it" >&2
    fi
    return 0
}

case "${1:-}" in
    create) create ;;
    remove) rm -f "$archive" ;;
    *) echo "usage: $0 create|remove" >&2; exit 2 ;;
esac
exit 0
