#!/bin/sh
# Installs WorkshopDesk for you alone, without administrator rights:
#   the app            ~/.local/lib/workshopdesk/   (and the command ~/.local/bin/workshopdesk)
#   menu entry         ~/.local/share/applications/workshopdesk.desktop
#   icon, file type    ~/.local/share/icons/hicolor/..., ~/.local/share/mime/packages/workshopdesk.xml
# so that WorkshopDesk is in your applications menu and a double-click on a .workshop file
# opens it. Run it again to update; run ~/.local/lib/workshopdesk/uninstall.sh to remove it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
lib=$HOME/.local/lib/workshopdesk
bin=$HOME/.local/bin

say() { printf '%s\n' "$*"; }
fail() { printf 'WorkshopDesk was not installed: %s\n' "$*" >&2; exit 1; }

[ -x "$here/app/workshopdesk" ] || fail "the folder 'app' is missing beside install.sh; unpack the whole download and run install.sh from there."
[ -n "${HOME:-}" ] || fail "HOME is not set."
if [ "$(id -u)" = 0 ] && [ -n "${SUDO_USER:-}" ]; then
  fail "run it without sudo: WorkshopDesk installs for you alone, in your home folder."
fi

# --- the app -----------------------------------------------------------------------------------
mkdir -p "$HOME/.local/lib" "$bin" || fail "cannot create folders in $HOME/.local."
rm -rf "$lib.new"
cp -R "$here/app" "$lib.new" || fail "cannot copy the app to $lib (is the disk full?)."
cp "$here/uninstall.sh" "$lib.new/uninstall.sh"
chmod 755 "$lib.new/uninstall.sh"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sfn "$lib/workshopdesk" "$bin/workshopdesk"

# --- icons ---------------------------------------------------------------------------------------
(cd "$here/share" && find icons -type f) | while IFS= read -r icon; do
  mkdir -p "$data/$(dirname "$icon")"
  cp "$here/share/$icon" "$data/$icon"
done

# --- the file type: *.workshop, a SQLite database that WorkshopDesk opens ----------------------
mkdir -p "$data/mime/packages"
cp "$here/share/mime/workshopdesk.xml" "$data/mime/packages/workshopdesk.xml"

# --- the menu entry (the command quoted as the desktop entry specification asks) ----------------
exec_quoted=$(printf '%s' "$lib/workshopdesk" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
mkdir -p "$data/applications"
sed "s|@EXEC@|\"$(printf '%s' "$exec_quoted" | sed -e 's/[|&\\]/\\&/g')\"|" \
  "$here/share/applications/workshopdesk.desktop.in" >"$data/applications/workshopdesk.desktop"

# --- tell the desktop (each tool is optional: a fresh login picks the files up as well) ---------
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime" >/dev/null 2>&1 || say "Note: update-mime-database failed; .workshop files will be recognised after your next login."
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true
fi

say "WorkshopDesk is installed in $lib."
say "Open it from your applications menu, or double-click a .workshop file."
case ":${PATH:-}:" in
  *":$bin:"*) say "From a terminal: workshopdesk --demo" ;;
  *) say "From a terminal: $bin/workshopdesk --demo" ;;
esac

# --- system libraries the window needs (Qt's X11 plugin) ----------------------------------------
package_for() {
  # $1: a library's file name; prints the package that provides it on this distribution
  distro=$( (. /etc/os-release 2>/dev/null && printf '%s %s' "${ID:-}" "${ID_LIKE:-}") || true)
  case "$1" in
    libxcb-cursor.so*) deb=libxcb-cursor0 rpm=xcb-util-cursor arch=xcb-util-cursor suse=libxcb-cursor0 ;;
    libxkbcommon-x11.so*) deb=libxkbcommon-x11-0 rpm=libxkbcommon-x11 arch=libxkbcommon-x11 suse=libxkbcommon-x11-0 ;;
    libxcb-icccm.so*) deb=libxcb-icccm4 rpm=xcb-util-wm arch=xcb-util-wm suse=libxcb-icccm4 ;;
    libxcb-image.so*) deb=libxcb-image0 rpm=xcb-util-image arch=xcb-util-image suse=libxcb-image0 ;;
    libxcb-keysyms.so*) deb=libxcb-keysyms1 rpm=xcb-util-keysyms arch=xcb-util-keysyms suse=libxcb-keysyms1 ;;
    libxcb-render-util.so*) deb=libxcb-render-util0 rpm=xcb-util-renderutil arch=xcb-util-renderutil suse=libxcb-render-util0 ;;
    *) printf '%s' "the package that provides $1"; return ;;
  esac
  case " $distro " in
    *" debian "* | *" ubuntu "*) printf 'sudo apt install %s' "$deb" ;;
    *" fedora "* | *" rhel "* | *" centos "*) printf 'sudo dnf install %s' "$rpm" ;;
    *" arch "*) printf 'sudo pacman -S %s' "$arch" ;;
    *" suse "* | *" opensuse "*) printf 'sudo zypper install %s' "$suse" ;;
    *) printf '%s (Debian, Ubuntu: sudo apt install %s; Fedora: sudo dnf install %s)' "$deb" "$deb" "$rpm" ;;
  esac
}

# The X11 plugin, Qt's widgets and Python: together they link every library the app needs.
if command -v ldd >/dev/null 2>&1; then
  search="$lib/_internal:$lib/_internal/PySide6/Qt/lib"
  missing=$(find "$lib/_internal" \( -path '*/platforms/libqxcb.so' -o -name 'QtWidgets*.so' \
    -o -name 'libpython3*.so*' \) -exec env LD_LIBRARY_PATH="$search" ldd {} \; 2>/dev/null |
    awk '/not found/ { print $1 }' | sort -u)
  if [ -n "$missing" ]; then
    say ""
    say "One more step: the window needs these system libraries, which are missing:"
    for library in $missing; do
      say "  $library: install it with  $(package_for "$library")"
    done
    say "Install them, then start WorkshopDesk."
  fi
fi
