#!/bin/sh
# Removes WorkshopDesk installed for you by install.sh: the app, its command, menu entry, icons
# and the .workshop file type. Your workshop files, and the demo copies and settings in
# ~/.local/share/WorkshopDesk and ~/.config, are left as they are.
set -eu

data=${XDG_DATA_HOME:-$HOME/.local/share}
lib=$HOME/.local/lib/workshopdesk
bin=$HOME/.local/bin

if [ -L "$bin/workshopdesk" ]; then
  case "$(readlink "$bin/workshopdesk")" in
    "$lib"/*) rm -f "$bin/workshopdesk" ;;
  esac
fi
rm -f "$data/applications/workshopdesk.desktop" "$data/mime/packages/workshopdesk.xml"
for folder in "$data"/icons/hicolor/*/; do
  rm -f "$folder/apps/workshopdesk.png" "$folder/apps/workshopdesk.svg" \
    "$folder/mimetypes/application-x-workshopdesk.png" "$folder/mimetypes/application-x-workshopdesk.svg"
done
rm -rf "$lib"

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true
fi
printf '%s\n' "WorkshopDesk is removed. Your workshop files are untouched."
