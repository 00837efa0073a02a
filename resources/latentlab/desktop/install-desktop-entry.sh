#!/bin/sh
# Adds Latent Lab to the desktop's application menu (Linux, freedesktop.org desktop entry) for this user.
# Run it from the app image: LatentLab/lib/app/install-desktop-entry.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "$here/../.." && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
cat > "$apps/latent-lab.desktop" <<ENTRY
[Desktop Entry]
Type=Application
Name=Latent Lab
Comment=Watch an autoencoder learn
Exec="$image/bin/LatentLab"
Icon=$image/lib/LatentLab.png
Terminal=false
Categories=Education;Science;
ENTRY
echo "Added $apps/latent-lab.desktop"
