#!/bin/bash
# Packs the offline kit: one .tar.gz with the .deb, the .rpm, the portable app-image archive, INSTALL.txt and
# SHA256SUMS (of every other file in the kit), for one trip across the air gap.
# usage: packaging/make-offline-kit.sh DIST_DIR VERSION   (DIST_DIR holds the packages; the kit is written there)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "$1" && pwd)
version=$2
kit=mtc-assistant-$version-offline-kit
stage=$(mktemp -d "$dist/.kit.XXXXXX")
trap 'rm -rf "$stage"' EXIT

mkdir "$stage/$kit"
found=0
for f in "$dist/mtc-assistant_${version}"-*.deb "$dist/mtc-assistant-${version}"-*.rpm \
         "$dist/mtc-assistant-${version}-linux-x64.tar.gz"; do
    [ -f "$f" ] || continue
    cp "$f" "$stage/$kit/"
    found=$((found + 1))
done
[ "$found" -gt 0 ] || { echo "make-offline-kit: no packages for version $version in $dist" >&2; exit 1; }
sed "s/@VERSION@/$version/g" "$here/INSTALL.txt" > "$stage/$kit/INSTALL.txt"
(cd "$stage/$kit" && find . -maxdepth 1 -type f -printf '%P\n' | sort | xargs sha256sum -- > "$stage/SHA256SUMS") \
    && mv "$stage/SHA256SUMS" "$stage/$kit/SHA256SUMS"
tar -C "$stage" --owner=0 --group=0 -czf "$stage/$kit.tar.gz" "$kit"
mv -f "$stage/$kit.tar.gz" "$dist/$kit.tar.gz"
echo "make-offline-kit: $dist/$kit.tar.gz ($found packages)"
