"""WorkshopDesk as a Debian package (``workshopdesk_<version>_<arch>.deb``), from the bundle.

What it installs:
  /usr/lib/workshopdesk/                 the one-folder app (its own Python and Qt)
  /usr/bin/workshopdesk                  a symbolic link to the app's executable
  /usr/share/applications/<id>.desktop   the menu entry; opens .workshop files
  /usr/share/mime/packages/workshopdesk.xml   the file type application/x-workshopdesk
  /usr/share/icons/hicolor/...           the app's and the file type's icons
  /usr/share/metainfo/<id>.metainfo.xml  what software centres show (AppStream)
  /usr/share/doc/workshopdesk/           copyright and changelog; a manual page
Desktop, MIME and icon caches are refreshed by the triggers of the packages that own them, so
the package has no maintainer scripts. ``Depends`` is what ``dpkg-shlibdeps`` finds the bundled
libraries link to outside the bundle (Qt's X11 libraries, the C and C++ runtimes, ...).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

from icons import PNG_SIZES

ROOT = Path(__file__).resolve().parent.parent
DEB = ROOT / "installer" / "linux" / "deb"
LINUX = ROOT / "installer" / "linux"
SCREENSHOTS = ROOT / "docs" / "screenshots"
PACKAGE = "workshopdesk"
APP_ID = "local.workshopdesk.WorkshopDesk"
# AppStream takes screenshots only as web addresses; docs/screenshots/ is published here.
SCREENSHOTS_URL = "https://workshopdesk.local/screenshots"
SCREENSHOT_FILES = (
    "board.png",
    "board-with-wall-panel.png",
    "wall-wall-dark.png",
    "export-dialog.png",
)


def deb_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _write(path: Path, data: bytes | str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    path.chmod(mode)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)  # reproducible, as `gzip -9n`


def _copy_app(bundle: Path, lib: Path) -> None:
    shutil.copytree(bundle, lib, symlinks=True)
    for path in [lib, *lib.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:  # libraries need no executable bit; only the app's executable runs
            path.chmod(0o755 if path == lib / PACKAGE else 0o644)


def _changelog_version(text: str) -> str:
    match = re.match(rf"{PACKAGE} \(([^)]+)\)", text)
    if not match:
        raise SystemExit(f"{DEB / 'changelog'} does not start with '{PACKAGE} (<version>)'")
    return match.group(1)


def _depends(out: Path, stage: Path) -> str:
    """The packages the bundle's libraries link to, as dpkg-shlibdeps finds them.

    ``stage`` is ``out/debian/<package>``, where dpkg-shlibdeps expects a package's files.
    """
    (out / "debian" / "control").write_text(
        f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n"
    )
    lib = stage / "usr" / "lib" / PACKAGE
    binaries = [
        str(p.relative_to(out))
        for p in lib.rglob("*")
        if p.is_file() and not p.is_symlink() and (".so" in p.name or p == lib / PACKAGE)
    ]
    internal = lib / "_internal"
    found = subprocess.run(
        [
            "dpkg-shlibdeps",
            "-O",
            f"-l{internal.relative_to(out)}",
            f"-l{(internal / 'PySide6' / 'Qt' / 'lib').relative_to(out)}",
            "--ignore-missing-info",
            "-e",
            *binaries,
        ],
        cwd=out,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"^shlibs:Depends=(.*)$", found, re.MULTILINE)
    if not match:
        raise SystemExit(f"dpkg-shlibdeps found no dependencies:\n{found}")
    return match.group(1).strip()


def _installed_size_kib(stage: Path) -> int:
    total = sum(
        p.lstat().st_size
        for p in stage.rglob("*")
        if p.is_file() or p.is_symlink()
        if "DEBIAN" not in p.relative_to(stage).parts
    )
    return (total + 1023) // 1024


def pack_deb(bundle: Path, icons: Path, out: Path, app_version: str) -> Path:
    changelog = (DEB / "changelog").read_text()
    if _changelog_version(changelog) != app_version:
        raise SystemExit(
            f"installer/linux/deb/changelog's newest entry is "
            f"{_changelog_version(changelog)}, the app is {app_version}: add an entry."
        )
    shutil.rmtree(out / "debian", ignore_errors=True)
    stage = out / "debian" / PACKAGE
    stage.mkdir(parents=True)
    os.chmod(stage, 0o755)
    usr = stage / "usr"
    share = usr / "share"

    _copy_app(bundle, usr / "lib" / PACKAGE)
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / PACKAGE).symlink_to(f"../lib/{PACKAGE}/{PACKAGE}")

    desktop = (LINUX / "workshopdesk.desktop.in").read_text().replace("@EXEC@", PACKAGE)
    _write(share / "applications" / f"{APP_ID}.desktop", desktop)
    mime = (LINUX / "workshopdesk-mime.xml").read_bytes()
    _write(share / "mime" / "packages" / f"{PACKAGE}.xml", mime)
    hicolor = share / "icons" / "hicolor"
    for size in PNG_SIZES:
        png = (icons / f"workshopdesk-{size}.png").read_bytes()
        _write(hicolor / f"{size}x{size}" / "apps" / f"{PACKAGE}.png", png)
        _write(hicolor / f"{size}x{size}" / "mimetypes" / "application-x-workshopdesk.png", png)
    svg = (icons / "workshopdesk.svg").read_bytes()
    _write(hicolor / "scalable" / "apps" / f"{PACKAGE}.svg", svg)
    _write(hicolor / "scalable" / "mimetypes" / "application-x-workshopdesk.svg", svg)

    metainfo = (DEB / "workshopdesk.metainfo.xml.in").read_text()
    metainfo = metainfo.replace("@APP_ID@", APP_ID).replace("@SCREENSHOTS@", SCREENSHOTS_URL)
    _write(share / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo)

    doc = share / "doc" / PACKAGE
    _write(doc / "copyright", (DEB / "copyright").read_bytes())
    _write(doc / "changelog.gz", _gzip(changelog.encode()))
    _write(share / "man" / "man1" / f"{PACKAGE}.1.gz", _gzip((DEB / "workshopdesk.1").read_bytes()))
    _write(share / "lintian" / "overrides" / PACKAGE, (DEB / "lintian-overrides").read_bytes())
    for folder in [p for p in stage.rglob("*") if p.is_dir() and not p.is_symlink()]:
        folder.chmod(0o755)

    arch = deb_arch()
    control = (DEB / "control.in").read_text()
    for key, value in {
        "@VERSION@": app_version,
        "@ARCH@": arch,
        "@INSTALLED_SIZE@": str(_installed_size_kib(stage)),
        "@DEPENDS@": _depends(out, stage),
    }.items():
        control = control.replace(key, value)
    _write(stage / "DEBIAN" / "control", control)
    (stage / "DEBIAN").chmod(0o755)

    target = out / f"{PACKAGE}_{app_version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(out / "debian")
    return target
