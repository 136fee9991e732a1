"""The Linux download, built and used as a facilitator would: unpacked, run, installed.

The bundle is built by ``installer/build.py`` into ``installer/cache/<hash>`` and reused while
``src/``, ``resources/`` and ``installer/`` are unchanged. Each command is run from the unpacked
download with an environment that has no trace of the project's virtual environment. The
bundled app must list every command it is checked with (``shot``, ``serve``, ``export --format
pdf``) in its help, as the app from the virtual environment does.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

import workshopdesk
from workshopdesk import starters
from workshopdesk.store.workshop_file import Mode, WorkshopFile

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux download"),
    pytest.mark.timeout(900),  # the first test builds the bundle when the sources changed
]

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "installer" / "cache"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@dataclass(frozen=True)
class Download:
    package: Path  # the .tar.gz
    folder: Path  # unpacked
    app: Path  # the bundled executable inside it


def clean_env(home: Path) -> dict[str, str]:
    """What a facilitator's session has: no virtual environment, no Python paths, no display."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "PYTEST", "XDG_"))
        and key not in ("DISPLAY", "WAYLAND_DISPLAY", "LD_LIBRARY_PATH")
    }
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    env["HOME"] = str(home)
    env["XDG_RUNTIME_DIR"] = os.environ["XDG_RUNTIME_DIR"]  # private, from conftest
    return env


@pytest.fixture(scope="module")
def download(tmp_path_factory: pytest.TempPathFactory) -> Download:
    built = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), f"--cache={CACHE}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    package = Path(built.stdout.strip().splitlines()[-1])
    assert package.name.endswith(".tar.gz") and package.is_file()
    unpacked = tmp_path_factory.mktemp("download")
    with tarfile.open(package) as tar:
        tar.extractall(unpacked, filter="tar")
    (folder,) = unpacked.iterdir()
    return Download(package, folder, folder / "app" / "workshopdesk")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home of a facilitator"  # a space, as real home folders may have
    folder.mkdir()
    return folder


def run(
    download: Download, home: Path, *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(download.app), *args],
        cwd=home,
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def bundled_help(download: Download, home: Path, *command: str) -> str:
    result = run(download, home, *command, "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


def require_command(download: Download, home: Path, command: str) -> None:
    listed = bundled_help(download, home)
    assert re.search(rf"^\s+{command}\s", listed, re.MULTILINE), f"no '{command}' in:\n{listed}"


# --- the bundle itself -------------------------------------------------------------------------


def test_version_is_the_venvs(download: Download, home: Path) -> None:
    result = run(download, home, "--version")
    assert result.returncode == 0, result.stderr
    venv = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "--version"], capture_output=True, text=True
    )
    assert result.stdout == venv.stdout == f"workshopdesk {workshopdesk.__version__}\n"


def test_bundle_holds_what_the_app_needs_and_not_what_it_never_uses(download: Download) -> None:
    internal = download.folder / "app" / "_internal"
    files = [p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()]
    package = internal / "workshopdesk"
    for needed in ("fonts/Inter-Regular.otf", "demo", "templates", "icons/workshopdesk.svg"):
        assert (package / "resources" / needed).exists(), needed
    web = ROOT / "src" / "workshopdesk" / "server" / "web"
    for asset in web.rglob("*") if web.is_dir() else []:
        if asset.is_file() and "__pycache__" not in asset.parts and asset.suffix != ".py":
            assert (package / asset.relative_to(ROOT / "src" / "workshopdesk")).is_file(), asset
    unwanted = re.compile(r"Qml|Quick|WebEngine|VirtualKeyboard|Wayland|EglFS|libgtk", re.I)
    assert [f for f in files if unwanted.search(f)] == []
    platforms = {Path(f).name for f in files if "/plugins/platforms/" in f}
    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"}
    languages = {re.sub(r"^qt(base)?_|\.qm$", "", Path(f).name) for f in files if "/Qt/transl" in f}
    assert languages <= {"en", "sv"}
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_every_bundled_library_finds_what_it_links_to(download: Download) -> None:
    internal = download.folder / "app" / "_internal"
    search = f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"
    missing: set[str] = set()
    for binary in [download.app, *internal.rglob("*.so*")]:
        if binary.is_symlink() or not binary.is_file():
            continue
        linked = subprocess.run(
            ["ldd", str(binary)],
            env={"LD_LIBRARY_PATH": search, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=False,
        )
        missing |= {
            f"{binary.name}: {line.split()[0]}"
            for line in linked.stdout.splitlines()
            if "not found" in line
        }
    assert missing == set()


def test_bundle_runs_on_ubuntu_22_04_and_newer(download: Download) -> None:
    # The oldest system the install guide promises: glibc 2.35 and the C++ runtime of GCC 12
    # (Ubuntu 22.04, Debian 12), which the app takes from the system.
    internal = download.folder / "app" / "_internal"
    needed: set[tuple[int, ...]] = set()
    needed_cxx: set[tuple[int, ...]] = set()
    for binary in [download.app, *internal.rglob("*.so*")]:
        if binary.is_symlink() or not binary.is_file():
            continue
        symbols = subprocess.run(
            ["objdump", "-T", str(binary)], capture_output=True, text=True, check=False
        ).stdout
        needed |= {tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_([\d.]+)", symbols)}
        needed_cxx |= {
            tuple(map(int, v.split("."))) for v in re.findall(r"GLIBCXX_([\d.]+)", symbols)
        }
    assert needed and max(needed) <= (2, 35), max(needed)
    assert needed_cxx and max(needed_cxx) <= (3, 4, 30), max(needed_cxx)


# --- the commands, from the bundle -------------------------------------------------------------


def test_new_demo_creates_the_demo_workshop(download: Download, home: Path) -> None:
    path = home / "demo.workshop"
    result = run(download, home, "new", "--demo", str(path))
    assert result.returncode == 0, result.stderr
    expected = starters.demo()
    with WorkshopFile.open(path, Mode.READ) as file:
        workshop = file.load()
    assert workshop.info.title == expected.info.title
    assert len(workshop.problems) == len(expected.problems) == 10
    assert len(workshop.solutions) == len(expected.solutions)


def test_menu_entry_command_without_a_file_is_understood(download: Download, home: Path) -> None:
    # The menu entry runs `workshopdesk open %f`, with no file when started from the menu.
    # Without a display that must be the one-line "no display" error, not a usage error.
    result = run(download, home, "open")
    assert result.returncode == 1, result.stderr
    assert "no display" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server (Xvfb), as a facilitator's desktop session would have."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _window_titles(display: str) -> str:
    listed = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-tree"],
        capture_output=True,
        text=True,
        check=False,
    )
    return listed.stdout


def test_a_double_clicked_workshop_opens_in_the_window_on_x11(
    download: Download, home: Path, demo_file: Path, x_display: str
) -> None:
    # The desktop runs the installed menu entry's command with the file for %f.
    install(download, home)
    desktop = home / ".local" / "share" / "applications" / "workshopdesk.desktop"
    (command,) = [line[5:] for line in desktop.read_text().splitlines() if line[:5] == "Exec="]
    env = clean_env(home)
    env["DISPLAY"] = x_display
    app = subprocess.Popen(
        [str(demo_file) if arg == "%f" else arg for arg in shlex.split(command)],
        cwd=home,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    title = f"{starters.demo().info.title} — {demo_file.name} — WorkshopDesk"
    deadline = time.monotonic() + 60
    try:
        while title not in _window_titles(x_display) and app.poll() is None:
            assert time.monotonic() < deadline, "no window after 60 s"
            time.sleep(0.2)
        assert app.poll() is None, app.communicate()[1]
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=10)
    assert "qt.qpa" not in errors and "Could not load" not in errors, errors


@pytest.fixture
def demo_file(download: Download, home: Path) -> Path:
    path = home / "malmo-2027.workshop"
    assert run(download, home, "new", "--demo", str(path)).returncode == 0
    return path


def test_shot_of_the_board_is_a_real_picture(
    download: Download, home: Path, demo_file: Path, qapp: object
) -> None:
    require_command(download, home, "shot")
    out = home / "board.png"
    result = run(download, home, "shot", str(demo_file), "-o", str(out), "--view", "board")
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    sampled = {
        image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)
    }
    assert len(sampled) > 50  # text, cards and columns; a blank or failed paint has a handful


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    lines: list[str] = []
    assert process.stdout is not None
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return lines[0] if lines else ""


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@contextlib.contextmanager
def _serve(download: Download, home: Path, path: Path) -> Iterator[str]:
    """`workshopdesk serve` on a free port; yields the join address it prints."""
    process = subprocess.Popen(
        [str(download.app), "serve", str(path), "--host", "127.0.0.1", "--port", "0"],
        cwd=home,
        env=clean_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = _first_line(process, timeout=30)
        assert first.startswith("Join: "), (first, process.poll())
        yield first.removeprefix("Join: ").strip()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture
def serving(download: Download, home: Path, demo_file: Path) -> Iterator[str]:
    require_command(download, home, "serve")
    with _serve(download, home, demo_file) as url:
        yield url


def test_serve_answers_the_phone_page_with_the_token(serving: str) -> None:
    url = serving
    match = re.fullmatch(r"http://127\.0\.0\.1:\d+/J/([A-Z2-7]+)", url, re.IGNORECASE)
    assert match, url
    status, page = _get(url)
    assert status == 200
    html = page.decode("utf-8")
    assert starters.demo().info.title.replace("&", "&amp;") in html
    # The script and styles come from the bundle too.
    origin = url[: url.index("/J/")]
    assets = re.findall(r'(?:src|href)="(/J/[^"]+/A/[^"]+)"', html)
    assert assets
    for asset in assets:
        asset_status, body = _get(origin + asset.replace("&amp;", "&"))
        assert asset_status == 200 and body, asset
    wrong_token = url[: -len(match.group(1))] + "A" * len(match.group(1))
    assert _get(wrong_token)[0] == 404


def _pdf_pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def test_export_pdf_has_the_reports_pages(download: Download, home: Path, demo_file: Path) -> None:
    require_command(download, home, "export")
    formats = bundled_help(download, home, "export")
    assert re.search(r"^\s+pdf\s", formats, re.MULTILINE), formats
    bundled, reference = home / "bundled.pdf", home / "reference.pdf"
    result = run(download, home, "export", str(demo_file), "--format", "pdf", "-o", str(bundled))
    assert result.returncode == 0, result.stderr
    venv_export = [sys.executable, "-m", "workshopdesk", "export", str(demo_file)]
    subprocess.run(  # the same export from the project's virtual environment
        [*venv_export, "--format", "pdf", "-o", str(reference)],
        check=True,
        timeout=120,
    )
    assert bundled.read_bytes().startswith(b"%PDF")
    assert _pdf_pages(bundled) == _pdf_pages(reference) >= 2


# --- install.sh and uninstall.sh into a temporary home ----------------------------------------


def install(download: Download, home: Path, path: str = "/usr/bin:/bin") -> str:
    env = clean_env(home)
    env["PATH"] = path
    result = subprocess.run(
        ["sh", str(download.folder / "install.sh")],
        cwd=download.folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_install_adds_the_app_its_menu_entry_and_the_file_type(
    download: Download, home: Path
) -> None:
    said = install(download, home)
    assert "WorkshopDesk is installed" in said
    assert "missing" not in said  # this machine has every library the window needs
    data = home / ".local" / "share"
    installed = home / ".local" / "lib" / "workshopdesk" / "workshopdesk"
    command = home / ".local" / "bin" / "workshopdesk"
    version = subprocess.run(
        [str(command), "--version"], env=clean_env(home), capture_output=True, text=True
    )
    assert version.stdout.strip() == f"workshopdesk {workshopdesk.__version__}"

    desktop = data / "applications" / "workshopdesk.desktop"
    validated = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0 and validated.stdout == "", validated.stdout
    entries = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entries["Exec"] == f'"{installed}" open %f'
    assert entries["MimeType"] == "application/x-workshopdesk;"
    assert entries["Icon"] == "workshopdesk"
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "workshopdesk.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "workshopdesk.svg").is_file()
    mime_icon = data / "icons" / "hicolor" / "256x256" / "mimetypes"
    assert (mime_icon / "application-x-workshopdesk.png").is_file()

    mime = ET.parse(data / "mime" / "packages" / "workshopdesk.xml").getroot()
    (kind,) = mime.findall(f"{MIME_NS}mime-type")
    assert kind.get("type") == "application/x-workshopdesk"
    assert [g.get("pattern") for g in kind.findall(f"{MIME_NS}glob")] == ["*.workshop"]
    assert [s.get("type") for s in kind.findall(f"{MIME_NS}sub-class-of")] == [
        "application/vnd.sqlite3"
    ]
    # install.sh ran update-mime-database: the desktop's database knows the type now
    assert "application/x-workshopdesk:*.workshop" in (data / "mime" / "globs2").read_text()
    subclasses = (data / "mime" / "subclasses").read_text()
    assert "application/x-workshopdesk application/vnd.sqlite3" in subclasses
    assert "workshopdesk.desktop" in (data / "applications" / "mimeinfo.cache").read_text()

    said = subprocess.run(
        ["sh", str(installed.parent / "uninstall.sh")],
        env=clean_env(home),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "removed" in said
    assert not installed.parent.exists() and not command.is_symlink()
    assert not desktop.exists()
    assert not (data / "mime" / "packages" / "workshopdesk.xml").exists()
    assert list((data / "icons").rglob("*workshopdesk*")) == []


def test_install_names_the_package_of_a_missing_library(
    download: Download, home: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    ldd = fake / "ldd"  # a system without Qt's X11 cursor library
    ldd.write_text('#!/bin/sh\necho "\tlibxcb-cursor.so.0 => not found"\n')
    ldd.chmod(0o755)
    said = install(download, home, path=f"{fake}:/usr/bin:/bin")
    assert "libxcb-cursor.so.0" in said
    debian_like = re.search(
        r"^ID(_LIKE)?=.*\b(debian|ubuntu)\b", Path("/etc/os-release").read_text(), re.M
    )
    if debian_like:
        assert "sudo apt install libxcb-cursor0" in said
    else:
        assert "xcb-util-cursor" in said or "libxcb-cursor0" in said


# --- the benchmark ------------------------------------------------------------------------------


def test_bundle_benchmark_prints_its_figures(download: Download) -> None:
    printed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bundle.py"),
            "--quick",
            f"--app={download.app}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    assert re.search(r"^\(1\) bundle unpacked: [\d.]+ MB", printed, re.M), printed
    assert re.search(r"^\(2\) --version: bundle \d+ ms, venv \d+ ms", printed, re.M), printed
    assert re.search(r"^\(3\) shot of the demo board: bundle \d+ ms", printed, re.M), printed


def test_install_with_sudo_says_to_run_it_as_yourself(download: Download, home: Path) -> None:
    # `sudo` runs the script as root with SUDO_USER set: an `id` that says root stands for it
    # when the tests do not run as root.
    fake_bin = home.parent / "fake-bin"
    fake_bin.mkdir()
    fake_id = fake_bin / "id"
    fake_id.write_text('#!/bin/sh\n[ "$1" = -u ] && { echo 0; exit 0; }\nexec /usr/bin/id "$@"\n')
    fake_id.chmod(0o755)
    env = clean_env(home)
    env["PATH"] = f"{fake_bin}:{env['PATH']}"
    env["SUDO_USER"] = "facilitator"
    result = subprocess.run(
        ["sh", str(download.folder / "install.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "without sudo" in result.stderr
    assert not (home / ".local").exists()  # nothing installed


# --- the Debian package, installed system-wide with dpkg ----------------------------------------

DEB_APP = Path("/usr/bin/workshopdesk")
APP_ID = "local.workshopdesk.WorkshopDesk"


def _on_debian() -> bool:
    return Path("/etc/debian_version").is_file() and bool(shutil.which("dpkg-deb"))


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def deb(download: Download) -> Path:
    if not _on_debian():
        pytest.skip("Debian packages are built on Debian and Ubuntu")
    (package,) = download.package.parent.glob("workshopdesk_*.deb")
    assert package.name == f"workshopdesk_{workshopdesk.__version__}_amd64.deb"
    return package


@pytest.fixture(scope="module")
def installed_deb(deb: Path) -> Iterator[Download]:
    """The package installed with dpkg, as root (`sudo apt install ./workshopdesk_*.deb`)."""
    if os.geteuid() != 0:
        pytest.skip("installing a Debian package needs root")
    assert _dpkg("-s", "workshopdesk").returncode != 0, "workshopdesk is installed already"
    installed = _dpkg("-i", str(deb))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        yield Download(deb, Path("/usr/lib/workshopdesk"), DEB_APP)
    finally:
        _dpkg("--purge", "workshopdesk")


def test_deb_depends_on_qts_x11_libraries_and_is_lintian_clean(deb: Path) -> None:
    fields = _dpkg_fields(deb)
    depends = {d.split()[0] for d in fields["Depends"].split(", ")}
    for needed in ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libc6", "libgl1"):
        assert needed in depends, fields["Depends"]
    assert not any(d.startswith(("libqt6", "python3")) for d in depends)  # both are inside
    checked = subprocess.run(
        ["lintian", "--fail-on", "error,warning", "--tag-display-limit", "0", str(deb)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not re.search(r"^[EW]: ", checked.stdout, re.M), checked.stdout


def _dpkg_fields(deb: Path) -> dict[str, str]:
    control = subprocess.run(
        ["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    return dict(re.findall(r"^(\S+): (.*)$", control, re.M))


def test_deb_installs_the_command_menu_entry_file_type_icons_and_metainfo(
    installed_deb: Download, home: Path
) -> None:
    assert DEB_APP.resolve() == Path("/usr/lib/workshopdesk/workshopdesk")
    version = run(installed_deb, home, "--version")
    assert version.stdout == f"workshopdesk {workshopdesk.__version__}\n", version.stderr

    desktop = Path(f"/usr/share/applications/{APP_ID}.desktop")
    validated = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
    assert validated.returncode == 0 and validated.stdout == b"", validated.stdout
    entries = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entries["Exec"] == "workshopdesk open %f"
    assert entries["MimeType"] == "application/x-workshopdesk;"
    # dpkg's triggers brought the desktop's databases up to date
    assert "application/x-workshopdesk:*.workshop" in Path("/usr/share/mime/globs2").read_text()
    mimeinfo = Path("/usr/share/applications/mimeinfo.cache").read_text()
    assert f"application/x-workshopdesk={APP_ID}.desktop;" in mimeinfo
    hicolor = Path("/usr/share/icons/hicolor")
    for size in (16, 48, 256):
        assert (hicolor / f"{size}x{size}" / "apps" / "workshopdesk.png").is_file()
        mime_icon = hicolor / f"{size}x{size}" / "mimetypes" / "application-x-workshopdesk.png"
        assert mime_icon.is_file()
    assert (hicolor / "scalable" / "apps" / "workshopdesk.svg").is_file()

    metainfo = Path(f"/usr/share/metainfo/{APP_ID}.metainfo.xml")
    validated_meta = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert validated_meta.returncode == 0, validated_meta.stdout + validated_meta.stderr
    component = ET.parse(metainfo).getroot()
    assert component.findtext("launchable") == desktop.name
    images = [i.text or "" for i in component.iter("image")]
    assert len(images) >= 3
    for image in images:  # each names a screenshot kept in docs/screenshots
        assert image.startswith("https://"), image
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[-1]).is_file(), image
    doc = Path("/usr/share/doc/workshopdesk")
    assert (doc / "copyright").is_file() and (doc / "changelog.gz").is_file()
    assert Path("/usr/share/man/man1/workshopdesk.1.gz").is_file()


def test_deb_command_creates_draws_and_serves_a_workshop(
    installed_deb: Download, home: Path
) -> None:
    path = home / "malmo-2027.workshop"
    created = run(installed_deb, home, "new", "--demo", str(path))
    assert created.returncode == 0, created.stderr
    with WorkshopFile.open(path, Mode.READ) as file:
        assert file.load().info.title == starters.demo().info.title
    shot = home / "board.png"
    drawn = run(installed_deb, home, "shot", str(path), "-o", str(shot), "--view", "board")
    assert drawn.returncode == 0, drawn.stderr
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    with _serve(installed_deb, home, path) as url:
        status, page = _get(url)
        assert status == 200 and starters.demo().info.title.replace("&", "&amp;") in page.decode()


def test_deb_removes_everything_it_installed(deb: Path, home: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("installing a Debian package needs root")
    assert _dpkg("-i", str(deb)).returncode == 0
    try:
        listed = _dpkg("-L", "workshopdesk").stdout.split("\n")
        files = [Path(p) for p in listed if p and not Path(p).is_dir()]
        assert DEB_APP in files and len(files) > 100
        assert run(Download(deb, home, DEB_APP), home, "--version").returncode == 0
    finally:
        removed = _dpkg("--purge", "workshopdesk")
    assert removed.returncode == 0, removed.stderr
    assert [f for f in files if f.exists() or f.is_symlink()] == []
    assert not Path("/usr/lib/workshopdesk").exists()
    assert _dpkg("-s", "workshopdesk").returncode != 0
    assert "workshopdesk" not in Path("/usr/share/applications/mimeinfo.cache").read_text()
    assert "application/x-workshopdesk" not in Path("/usr/share/mime/globs2").read_text()
