"""Every commit another program makes reaches the phones of a real ``workshopdesk serve``.

The way a facilitator found it broken: serve a workshop, open the join link, then import
problems from the command line three times. The phones saw the first import and never
the second or third, because the server read the file through a connection whose log had
been deleted under it. Now the server has one connection, owned by its one writer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from workshopdesk.app import sharing
from workshopdesk.app.workspace import Workspace

from .serve_process import Served


def board(url: str) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(url + "/BOARD.JSON", timeout=10) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def titles(view: dict) -> set[str]:  # type: ignore[type-arg]
    return {p["title"] for c in view["columns"] for p in c["problems"]}


def import_one(path: Path, folder: Path, title: str) -> None:
    source = folder / f"{title}.csv"
    source.write_text(f"Title,Customer\n{title},Acme\n", encoding="utf-8")
    command = [sys.executable, "-m", "workshopdesk", "import", str(path), str(source)]
    result = subprocess.run(
        [*command, "--kind", "problems"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def shows(url: str, title: str, timeout: float = 5.0) -> dict:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while True:
        view = board(url)
        if title in titles(view):
            return view
        assert time.monotonic() < deadline, f"the phones never saw {title!r}"
        time.sleep(0.05)


@pytest.mark.parametrize("setup", ["first serve", "new link", "same port again"])
def test_every_import_reaches_the_phones(demo_path: Path, tmp_path: Path, setup: str) -> None:
    port_args = ("--port", "0")
    if setup == "new link":
        with Workspace.open(demo_path) as workspace:
            sharing.renew_link(workspace)
    if setup == "same port again":
        with Served(demo_path, "--host", "127.0.0.1", *port_args) as first:
            first.stop()
        port_args = ("--port", str(first.port))
    with Served(demo_path, "--host", "127.0.0.1", *port_args) as served:
        revisions = [board(served.url)["revision"]]
        for number in (1, 2, 3):
            import_one(demo_path, tmp_path, f"Imported problem {number}")
            view = shows(served.url, f"Imported problem {number}")
            revisions.append(view["revision"])
        assert revisions == sorted(set(revisions)), "the revision moves with every import"
        code, _ = served.stop()
        assert code == 0, served.stderr


def test_a_window_sharing_sees_every_import(qtbot, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The window shares the same way: its phones see each outside import."""
    from workshopdesk.gui.document import Document
    from workshopdesk.server.thread import ShareServer

    document = Document(demo_path)
    settings, _ = sharing.share_link(document.workspace)
    server = ShareServer(document.workspace, settings.token)
    url = server.start("127.0.0.1", 0)
    try:
        for number in (1, 2, 3):
            import_one(demo_path, tmp_path, f"From the CRM {number}")
            qtbot.waitUntil(
                lambda n=number: f"From the CRM {n}" in titles(board(url)), timeout=5000
            )
            assert f"From the CRM {number}" in {
                p.title for p in document.workshop.problems.values()
            }
    finally:
        server.stop()
        document.close()
