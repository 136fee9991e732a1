"""What leaves the laptop: posters on a link for this computer only say so (and the
command line warns), and the room's Wi-Fi password never goes into an export or a copy."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

from pypdf import PdfReader

from tests.export.conftest import SHARE, stable_demo
from workshopdesk.core import share_link
from workshopdesk.core.share_link import WifiNetwork
from workshopdesk.store.workshop_file import Mode, WorkshopFile

PASSWORD = "sill-och-potatis-2027"


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *map(str, args)], capture_output=True, timeout=90
    )


def workshop_with(tmp_path: Path, settings: dict[str, str | None]) -> Path:
    path = tmp_path / "room.workshop"
    WorkshopFile.create(path, stable_demo())
    with WorkshopFile.open(path, Mode.WRITE) as file:
        file.set_settings(settings)
    return path


def test_posters_on_a_loopback_link_carry_no_code_and_the_command_warns(tmp_path: Path) -> None:
    path = workshop_with(tmp_path, {**SHARE, "share.host": "127.0.0.1"})
    out = tmp_path / "posters.pdf"
    result = run("export", path, "--format", "posters", "-o", out)
    assert result.returncode == 0
    assert b"Only this computer can open the saved link" in result.stderr
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Only this computer can open this link" in " ".join(text.split())
    assert "127.0.0.1" in text

    (tmp_path / "lan").mkdir()
    shared = workshop_with(tmp_path / "lan", dict(SHARE))
    result = run("export", shared, "--format", "posters", "-o", tmp_path / "ok.pdf")
    assert result.returncode == 0 and result.stderr == b""


def test_the_wifi_password_stays_out_of_exports_and_copies(tmp_path: Path) -> None:
    wifi = WifiNetwork("Hotel-Guest", PASSWORD).to_settings(keep_password=True)
    path = workshop_with(tmp_path, {**SHARE, **wifi})
    with WorkshopFile.open(path, Mode.READ) as file:
        assert file.settings()["share.wifi.password"] == PASSWORD  # kept, as asked
    json_out = tmp_path / "w.json"
    assert run("export", path, "--format", "json", "-o", json_out).returncode == 0
    assert PASSWORD.encode() not in json_out.read_bytes()
    bundle = tmp_path / "b.zip"
    result = run("export", path, "--format", "bundle", "--include-private", "-o", bundle)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            assert PASSWORD.encode() not in archive.read(name), name
    copy = tmp_path / "copy.workshop"
    with WorkshopFile.open(path, Mode.READ) as file:
        file.copy_to(copy, without=share_link.KEYS)
    assert PASSWORD.encode() not in copy.read_bytes()
    with WorkshopFile.open(copy, Mode.READ) as file:
        assert not any(key.startswith("share.") for key in file.settings())


def test_the_password_is_kept_only_when_asked() -> None:
    network = WifiNetwork("Hotel-Guest", PASSWORD)
    assert network.to_settings(keep_password=False)["share.wifi.password"] is None
    assert network.to_settings(keep_password=True)["share.wifi.password"] == PASSWORD
    back = WifiNetwork.from_settings({"share.wifi.name": "Hotel-Guest"})
    assert back == WifiNetwork("Hotel-Guest", "", "WPA")
