#!/usr/bin/env bash
# The README's window screenshots, as a user sees them: under a window manager (openbox) on classroom screens,
# with fresh preferences (first launch). Needs ../shared/tools/screenshot.sh (Xvfb, openbox, imagemagick) and
# xdotool for presenter mode; run after ./mvnw package.
#   src/test/scripts/screenshots.sh [OUT_DIR]     (default docs)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-docs}
shot=../shared/tools/screenshot.sh
app="java -Dlatentlab.prefs=latentlab-screenshots-$$ -jar target/latent-lab.jar"
for size in 1024x768 1280x720 1920x1080; do
  "$shot" -m -s "$size" -w 8 "$out/window-$size.png" $app
done
# Presenter mode: F5 pressed once the window is up.
"$shot" -m -s 1280x720 -w 25 "$out/presenter-1280x720.png" bash -c "$app & sleep 12;
  xdotool search --name 'Latent Lab' windowactivate --sync key F5; wait"
rm -f "$out"/*-window.png
rm -rf "$HOME/.java/.userPrefs/latentlab-screenshots-$$" # the first-launch preferences they used
