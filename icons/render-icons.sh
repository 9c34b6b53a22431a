#!/bin/sh
# Renders icons/mtc-assistant.svg to the PNG sizes the packages and the window use.
# The PNGs are committed; run this again after editing the SVG, and look at the results.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java_bin" "$here/RenderIcon.java" "$here/mtc-assistant.svg" "$here" mtc-assistant 16 32 48 64 128 256 512
