#!/usr/bin/env bash
# Renders the icon's source (babysitter.svg) to the PNG the installer and the window use (both in assets/icon/). Needs
# ImageMagick (Debian: imagemagick) or librsvg (librsvg2-bin). Run it after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../../assets/icon"
if command -v rsvg-convert >/dev/null; then
  rsvg-convert -w 256 -h 256 babysitter.svg -o babysitter.png
else
  convert -background none -density 96 babysitter.svg -resize 256x256 PNG32:babysitter.png
fi
echo "$(pwd)/babysitter.png"
