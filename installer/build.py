"""Build WorkshopDesk's installer for this platform: ``python installer/build.py``.

1. Renders the app icon from ``resources/icons/workshopdesk.svg`` (PNGs, .ico, .icns).
2. Bundles the app with PyInstaller (``installer/workshopdesk.spec``, one folder).
3. Packs what a facilitator downloads:
   - Linux: ``WorkshopDesk-<version>-linux-<arch>.tar.gz`` with ``install.sh``/``uninstall.sh``,
     and beside it, where ``dpkg-deb`` is at hand (Debian, Ubuntu),
     ``workshopdesk_<version>_<arch>.deb`` (``installer/deb.py``);
   - macOS: ``WorkshopDesk-<version>-macos.dmg`` holding ``WorkshopDesk.app``;
   - Windows: ``WorkshopDesk-<version>-windows-setup.exe`` through Inno Setup (``iscc``).

``--cache DIR`` keeps each build in ``DIR/<hash>``, where the hash covers everything that goes
into the bundle (``src/``, ``resources/``, ``installer/``, ``pyproject.toml``, the screenshots
the Debian package names), and reuses it while nothing changed. The last line printed is the path
of the package (on Linux the .tar.gz; the .deb is in the same folder).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "workshopdesk.spec"
ICON_SVG = ROOT / "resources" / "icons" / "workshopdesk.svg"
APP_NAME = "WorkshopDesk"
sys.path.insert(0, str(INSTALLER))
from deb import SCREENSHOT_FILES, pack_deb  # noqa: E402
from icons import PNG_SIZES, render_icons  # noqa: E402

HASHED = (
    "src",
    "resources",
    "installer",
    "pyproject.toml",
    *(f"docs/screenshots/{name}" for name in SCREENSHOT_FILES),
)
SKIPPED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
DONE_MARKER = "package.txt"


def source_hash() -> str:
    digest = hashlib.sha256()
    for top in HASHED:
        base = ROOT / top
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            relative = path.relative_to(ROOT)
            if relative.parts[:2] == ("installer", "cache") or path.suffix == ".pyc":
                continue
            if any(p in SKIPPED_PARTS or p.endswith(".egg-info") for p in relative.parts):
                continue
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def machine() -> str:
    name = platform.machine()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(name.lower(), name)


def run_pyinstaller(out: Path, icons: Path, app_version: str) -> Path:
    dist, work = out / "bundle", out / "work"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        str(SPEC),
        "--",
        f"--icons={icons}",
        f"--version={app_version}",
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    shutil.rmtree(work, ignore_errors=True)
    return dist / (f"{APP_NAME}.app" if sys.platform == "darwin" else APP_NAME)


def _add_executable_text(tar: tarfile.TarFile, source: Path, arcname: str, mode: int) -> None:
    info = tar.gettarinfo(str(source), arcname)
    info.mode = mode
    with source.open("rb") as handle:
        tar.addfile(info, handle)


def pack_linux(bundle: Path, icons: Path, out: Path, app_version: str) -> Path:
    name = f"{APP_NAME}-{app_version}-linux-{machine()}"
    target = out / f"{name}.tar.gz"
    linux = INSTALLER / "linux"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(str(bundle), f"{name}/app")
        for script in ("install.sh", "uninstall.sh"):
            _add_executable_text(tar, linux / script, f"{name}/{script}", 0o755)
        _add_executable_text(tar, linux / "README.txt", f"{name}/README.txt", 0o644)
        share = f"{name}/share"
        tar.add(
            str(linux / "workshopdesk.desktop.in"),
            f"{share}/applications/workshopdesk.desktop.in",
        )
        tar.add(str(linux / "workshopdesk-mime.xml"), f"{share}/mime/workshopdesk.xml")
        hicolor = f"{share}/icons/hicolor"
        for size in PNG_SIZES:
            png = str(icons / f"workshopdesk-{size}.png")
            tar.add(png, f"{hicolor}/{size}x{size}/apps/workshopdesk.png")
            tar.add(png, f"{hicolor}/{size}x{size}/mimetypes/application-x-workshopdesk.png")
        svg = str(icons / "workshopdesk.svg")
        tar.add(svg, f"{hicolor}/scalable/apps/workshopdesk.svg")
        tar.add(svg, f"{hicolor}/scalable/mimetypes/application-x-workshopdesk.svg")
    return target


def pack_macos(app: Path, out: Path, app_version: str) -> Path:
    stage = out / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    # A copy that keeps the bundle's symbolic links (Qt's frameworks need them).
    subprocess.run(["ditto", str(app), str(stage / app.name)], check=True)
    (stage / "Applications").symlink_to("/Applications")
    target = out / f"{APP_NAME}-{app_version}-macos.dmg"
    command = ["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(stage), "-ov"]
    subprocess.run([*command, "-format", "UDZO", str(target)], check=True)
    shutil.rmtree(stage, ignore_errors=True)
    return target


def find_iscc() -> str:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for folder in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if folder and (Path(folder) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(folder) / "Inno Setup 6" / "ISCC.exe")
    raise SystemExit("Inno Setup 6 is needed to build the Windows installer (iscc not found).")


def pack_windows(bundle: Path, icons: Path, out: Path, app_version: str) -> Path:
    command = [
        find_iscc(),
        f"/DAppVersion={app_version}",
        f"/DSourceDir={bundle}",
        f"/DIconFile={icons / 'workshopdesk.ico'}",
        f"/O{out}",
        str(INSTALLER / "windows" / "workshopdesk.iss"),
    ]
    subprocess.run(command, check=True)
    return out / f"{APP_NAME}-{app_version}-windows-setup.exe"


def build(out: Path, icon_svg: Path) -> Path:
    if not icon_svg.is_file():
        raise SystemExit(f"The app icon's source is missing: {icon_svg}")
    app_version = version("workshopdesk")
    started = time.monotonic()
    icons = out / "icons"
    render_icons(icon_svg, icons)
    # the translation catalogues, compiled fresh from resources/locale/*.po into the bundle
    subprocess.run([sys.executable, str(ROOT / "scripts" / "catalogue.py"), "compile"], check=True)
    bundle = run_pyinstaller(out, icons, app_version)
    if sys.platform == "darwin":
        package = pack_macos(bundle, out, app_version)
    elif sys.platform == "win32":
        package = pack_windows(bundle, icons, out, app_version)
    else:
        package = pack_linux(bundle, icons, out, app_version)
        if shutil.which("dpkg-deb") and shutil.which("dpkg-shlibdeps"):
            print(f"Debian package: {pack_deb(bundle, icons, out, app_version)}", flush=True)
    print(f"Built in {time.monotonic() - started:.0f} s: {bundle}", flush=True)
    return package


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to build")
    parser.add_argument("--cache", type=Path, help="reuse DIR/<hash> while the sources match")
    parser.add_argument("--icon-svg", type=Path, default=ICON_SVG, help="the icon's SVG source")
    args = parser.parse_args()
    if args.cache is None:
        out = args.out.resolve()
        out.mkdir(parents=True, exist_ok=True)
        print(build(out, args.icon_svg))
        return 0
    out = args.cache.resolve() / source_hash()
    done = out / DONE_MARKER
    if done.is_file() and Path(done.read_text().strip()).is_file():
        print(f"Reusing the build in {out} (sources unchanged)", flush=True)
    else:
        if args.cache.is_dir():  # one build kept: older ones are of no further use
            for old in args.cache.iterdir():
                if old.is_dir() and old != out:
                    shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        done.write_text(str(build(out, args.icon_svg)) + "\n")
    print(done.read_text().strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
