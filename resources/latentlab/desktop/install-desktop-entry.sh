#!/bin/sh
# Adds Latent Lab to the desktop's application menu (Linux, freedesktop.org desktop entry) for this user, and
# makes it the application for .lesson files (a MIME type with its own icon), so double-clicking a lesson opens it.
# Run it from the app image: LatentLab/lib/app/install-desktop-entry.sh
# (A deb or rpm package made with -Djpackage.type=deb|rpm registers the same type itself, through jpackage's
# --file-associations; jpackage cannot do that for an app image, which is never installed.)
set -e
here=$(cd "$(dirname "$0")" && pwd)
image=$(cd "$here/../.." && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
type=application/x-latent-lab-lesson
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/256x256/mimetypes"
cat > "$data/applications/latent-lab.desktop" <<ENTRY
[Desktop Entry]
Type=Application
Name=Latent Lab
Comment=Watch an autoencoder learn
Exec="$image/bin/LatentLab" %f
Icon=$image/lib/LatentLab.png
Terminal=false
Categories=Education;Science;
MimeType=$type;
ENTRY
cat > "$data/mime/packages/latent-lab-lesson.xml" <<MIME
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="$type">
    <comment>Latent Lab lesson</comment>
    <glob pattern="*.lesson"/>
  </mime-type>
</mime-info>
MIME
cp "$here/latent-lab-lesson.png" "$data/icons/hicolor/256x256/mimetypes/application-x-latent-lab-lesson.png"
# The desktop's caches; each tool is optional (the files above are read without them, after a new login).
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
# Latent Lab as the default application for lessons (xdg-mime, else the mimeapps.list it would write).
if command -v xdg-mime >/dev/null; then
  xdg-mime default latent-lab.desktop "$type" || true
else
  conf="${XDG_CONFIG_HOME:-$HOME/.config}"
  list="$conf/mimeapps.list"
  mkdir -p "$conf"
  if ! grep -q "^$type=" "$list" 2>/dev/null; then
    if grep -q '^\[Default Applications\]' "$list" 2>/dev/null; then
      sed -i "/^\[Default Applications\]/a $type=latent-lab.desktop" "$list"
    else
      printf '[Default Applications]\n%s=latent-lab.desktop\n' "$type" >> "$list"
    fi
  fi
fi
echo "Added $data/applications/latent-lab.desktop and the .lesson file type ($type)"
