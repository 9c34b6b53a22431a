#!/bin/sh
# Class data sharing (AppCDS) archive for a faster start, made where the app is installed:
#   cds-archive.sh create   dumps lib/app/mtc-assistant.jsa from the class list recorded at package time
#   cds-archive.sh remove   deletes it again (the .deb/.rpm call this before removal)
# The launcher always points the JVM at lib/app/mtc-assistant.jsa. A Java 17 archive records the absolute
# paths of the jars, so it cannot be built at package time for an app that is installed or unpacked elsewhere.
# When the dump fails, the path becomes a link to the runtime's own JDK archive, so the JVM keeps the JDK
# part of class sharing; an archive that does not match is ignored by the JVM (-Xshare:auto).
set -u

app_dir=$(cd "$(dirname "$0")/../.." && pwd)
archive=$app_dir/lib/app/mtc-assistant.jsa
classlist=$app_dir/lib/app/mtc-assistant.classlist
jdk_archive=../runtime/lib/server/classes.jsa

link_jdk_archive() {
    rm -f "$archive" && ln -s "$jdk_archive" "$archive"
}

create() {
    if [ ! -f "$classlist" ]; then
        link_jdk_archive
        return 0
    fi
    tmp=$archive.tmp.$$
    # The launcher adds its own class path and options; -Xshare:dump makes the JVM write the archive and exit.
    if JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classlist -XX:SharedArchiveFile=$tmp" \
            "$app_dir/bin/mtc-assistant" >/dev/null 2>&1 && [ -s "$tmp" ]; then
        chmod 644 "$tmp" && mv -f "$tmp" "$archive"
        echo "mtc-assistant: class data sharing archive created ($(du -k "$archive" | cut -f1) KB)"
    else
        rm -f "$tmp"
        link_jdk_archive
        echo "mtc-assistant: class data sharing archive not created; the app starts without it" >&2
    fi
    return 0
}

case "${1:-}" in
    create) create ;;
    remove) rm -f "$archive" "$archive".tmp.* ;;
    *) echo "usage: $0 create|remove" >&2; exit 2 ;;
esac
exit 0
