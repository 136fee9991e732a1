"""The command-line contract, run as a user or a script would: a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import workshopdesk


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"workshopdesk {workshopdesk.__version__}"
    assert workshopdesk.__version__.count(".") == 2


@pytest.mark.parametrize("command", ["new", "info", "export", "open", "followups"])
def test_every_command_has_help(command: str) -> None:
    result = cli(command, "--help")
    assert result.returncode == 0
    assert "usage: workshopdesk" in result.stdout


def test_new_info_export_round_trip(tmp_path: Path) -> None:
    demo = tmp_path / "demo.workshop"
    assert cli("new", str(demo), "--demo").returncode == 0
    info = json.loads(cli("info", str(demo), "--json").stdout)
    assert {
        "title",
        "teams",
        "attendees",
        "problems",
        "solutions",
        "solved",
        "schema",
        "revision",
    } <= info.keys()
    assert info["problems"] == 10 and info["teams"] == 2 and info["attendees"] == 12
    assert 0 < info["solved"] < 10
    text = cli("info", str(demo)).stdout
    assert f"{info['solved']} of 10 problems have an agreed solution" in text

    exported = cli("export", str(demo), "--format", "json")
    assert exported.returncode == 0
    first = tmp_path / "first.json"
    first.write_text(exported.stdout, encoding="utf-8")
    again = tmp_path / "again.workshop"
    assert cli("new", str(again), "--from", str(first)).returncode == 0
    second = tmp_path / "second.json"
    assert cli("export", str(again), "--format", "json", "-o", str(second)).returncode == 0
    assert second.read_bytes() == first.read_bytes()
    assert cli("export", str(again), "--format", "json", "-o", "-").stdout == exported.stdout


@pytest.mark.parametrize(
    ("template", "title"),
    [
        ("problem-wall", "Problem wall workshop"),
        ("retrospective", "Retrospective"),
        ("blank", "New workshop"),
    ],
)
def test_templates(tmp_path: Path, template: str, title: str) -> None:
    path = tmp_path / "t.workshop"
    assert cli("new", str(path), "--template", template).returncode == 0
    assert json.loads(cli("info", str(path), "--json").stdout)["title"] == title
    titled = tmp_path / "titled.workshop"
    assert cli("new", str(titled), "--template", template, "--title", "Malmö 2027").returncode == 0
    assert json.loads(cli("info", str(titled), "--json").stdout)["title"] == "Malmö 2027"


def test_two_workshops_from_one_template_share_no_ids(tmp_path: Path) -> None:
    ids = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.workshop"
        cli("new", str(path), "--demo")
        data = json.loads(cli("export", str(path), "--format", "json").stdout)
        ids.append({data["workshop"]["id"], *(p["id"] for p in data["problems"])})
    assert not ids[0] & ids[1]


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    assert cli("new", str(path), "--demo").returncode == 0
    before = path.read_bytes()
    result = cli("new", str(path))
    assert result.returncode == 1
    assert "already exists" in result.stderr and len(result.stderr.splitlines()) == 1
    assert path.read_bytes() == before
    assert cli("new", str(path), "--template", "blank", "--force").returncode == 0
    assert json.loads(cli("info", str(path), "--json").stdout)["problems"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ["new", "x.workshop", "--demo", "--template", "blank"],
        ["new", "x.workshop", "--demo", "--from", "a.json"],
        ["new", "x.workshop", "--template", "nope"],
        ["export", "x.workshop"],
        ["export", "x.workshop", "--format", "nope"],
        ["frobnicate", "--now"],
        ["--demo", "info", "x.workshop"],
    ],
)
def test_wrong_usage_exits_2(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", *args],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "--help" in result.stderr
    assert not (tmp_path / "x.workshop").exists()


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"format": "workshopdesk", ', "line 1, column"),
        ('{"format": "other"}', "missing"),
        ("[1, 2]", "expected an object"),
    ],
)
def test_malformed_json_writes_nothing_and_says_where(
    tmp_path: Path, content: str, where: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content)
    target = tmp_path / "new.workshop"
    result = cli("new", str(target), "--from", str(source))
    assert result.returncode == 1
    assert where in result.stderr and len(result.stderr.splitlines()) == 1
    assert not target.exists()
    assert not list(tmp_path.glob(".*"))


def test_json_errors_name_the_field(tmp_path: Path, demo_path: Path) -> None:
    data = json.loads(cli("export", str(demo_path), "--format", "json").stdout)
    data["problems"][3]["title"] = ""
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data))
    result = cli("new", str(tmp_path / "n.workshop"), "--from", str(source))
    assert result.returncode == 1
    assert "problems[3]" in result.stderr and "title cannot be empty" in result.stderr


def test_opening_a_window_without_a_display_says_so(tmp_path: Path, demo_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    for args in (["open", str(demo_path)], [str(demo_path)], ["--demo"]):
        result = cli(*args, env=env)
        assert result.returncode == 1
        assert "no display" in result.stderr.lower() and len(result.stderr.splitlines()) == 1


def test_followups_lists_every_follow_up_soonest_first(demo_path: Path) -> None:
    from workshopdesk.core import operations as ops
    from workshopdesk.core.session import Session
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    with WorkshopFile.open(demo_path, Mode.EDIT) as file:
        session = Session(file)
        ws = session.workshop
        jonas = next(f for f in ws.follow_ups.values() if f.due == "2027-02-18")
        session.do(ops.edit_follow_up(ws, jonas.id, status="done", outcome="SSO works."))

    result = cli("followups", str(demo_path), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["due"] for r in rows] == [
        "2027-02-18", "2027-02-19", "2027-02-25", "2027-02-26",
        "2027-03-04", "2027-03-05", "2027-03-12", "2027-03-26",
    ]  # fmt: skip
    assert rows[0] == {
        "id": jonas.id,
        "problem": 2,
        "text": jonas.text,
        "owner": "Jonas Öberg",
        "due": "2027-02-18",
        "check_in": "2027-02-25",
        "status": "done",
        "outcome": "SSO works.",
    }

    mine = json.loads(cli("followups", str(demo_path), "--json", "--owner", "jonas öberg").stdout)
    assert [r["id"] for r in mine] == [jonas.id]
    still_open = json.loads(cli("followups", str(demo_path), "--json", "--open").stdout)
    assert len(still_open) == 7 and jonas.id not in {r["id"] for r in still_open}
    assert (
        json.loads(
            cli("followups", str(demo_path), "--json", "--open", "--owner", "JONAS ÖBERG").stdout
        )
        == []
    )
    assert json.loads(cli("followups", str(demo_path), "--json", "--owner", "Nobody").stdout) == []

    text = cli("followups", str(demo_path), "--owner", "Jonas Öberg").stdout
    assert text == (
        f"#2  {jonas.text}  (Jonas Öberg, due 2027-02-18, check-in 2027-02-25, done)\n"
        "      outcome: SSO works.\n"
    )

    info = json.loads(cli("info", str(demo_path), "--json").stdout)
    assert (info["follow_ups"], info["follow_ups_open"], info["check_ins"]) == (8, 7, 0)


def test_followups_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = cli("followups", str(tmp_path / "nothing.workshop"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
