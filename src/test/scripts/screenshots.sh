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
# Presenter mode: F5 pressed once the window is up (a click on the status bar first gives it the keyboard).
"$shot" -m -s 1280x720 -w 22 "$out/presenter-1280x720.png" bash -c "$app &
  for i in \$(seq 1 60); do sleep 1; w=\$(xdotool search --onlyvisible --name 'Latent Lab' | head -1); [ -n \"\$w\" ] && break; done
  sleep 8; xdotool windowactivate --sync \$w; sleep 1; xdotool mousemove --window \$w 300 686 click 1; sleep 1
  xdotool key F5; wait"
rm -f "$out"/*-window.png
rm -rf "$HOME/.java/.userPrefs/latentlab-screenshots-$$" # the first-launch preferences they used
