"""``workshopdesk export`` as a script runs it: a real process on a real file."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshopdesk.export.json_format import loads


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *map(str, args)], capture_output=True, timeout=90
    )


@pytest.mark.parametrize("name", ["md", "csv", "html", "ics", "vcf", "invitation-md"])
def test_text_formats_go_to_stdout(stable_demo_path: Path, name: str) -> None:
    result = run("export", stable_demo_path, "--format", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and not result.stderr


def test_json_leaves_out_contact_details_not_shared_and_says_so(stable_demo_path: Path) -> None:
    result = run("export", stable_demo_path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode() == (
        "workshopdesk: Left out the e-mail and phone of 4 attendees who did not agree to share "
        "them (--include-private adds them).\n"
    )
    attendees = {a["name"]: a for a in json.loads(result.stdout)["attendees"]}
    assert set(attendees["Priya Raman"]) == {"id", "name", "team", "role", "consent_to_share"}
    assert attendees["Annika Löfgren"]["email"] == "annika.lofgren@example.se"
    ws = loads(result.stdout)
    assert next(a for a in ws.attendees.values() if a.name == "Priya Raman").email == ""

    full = run("export", stable_demo_path, "--format", "json", "--include-private")
    assert full.returncode == 0 and full.stderr == b""
    attendees = {a["name"]: a for a in json.loads(full.stdout)["attendees"]}
    assert attendees["Priya Raman"]["email"] == "priya.raman@example.com"


@pytest.mark.parametrize(
    ("name", "option"),
    [("md", "--paper=a3"), ("pdf", "--excel"), ("csv", "--invitation"),
     ("pdf", "--include-private"), ("ics", "--excel"), ("posters", "--invitation"),
     ("png", "--paper=a4")],
)  # fmt: skip
def test_options_are_refused_where_they_do_not_apply(
    stable_demo_path: Path, tmp_path: Path, name: str, option: str
) -> None:
    result = run("export", stable_demo_path, "--format", name, option, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert b"does not apply" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["pdf", "posters", "invitation-pdf", "png", "bundle"])
def test_binary_formats_need_a_file(stable_demo_path: Path, name: str) -> None:
    result = run("export", stable_demo_path, "--format", name)
    assert result.returncode == 2
    assert b"-o" in result.stderr and not result.stdout


def test_report_pdf_on_letter(stable_demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run("export", stable_demo_path, "--format", "pdf", "--paper", "letter", "-o", out)
    assert result.returncode == 0, result.stderr
    page = PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 612  # 8.5 in


def test_png_is_the_wall_at_full_hd(stable_demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "wall.png"
    result = run("export", stable_demo_path, "--format", "png", "-o", out)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1920, 1080)


def test_bundle_holds_private_files_only_when_asked(stable_demo_path: Path, tmp_path: Path) -> None:
    plain, private = tmp_path / "plain.zip", tmp_path / "private.zip"
    assert run("export", stable_demo_path, "--format", "bundle", "-o", plain).returncode == 0
    result = run(
        "export", stable_demo_path, "--format", "bundle", "--include-private", "--paper", "a3",
        "-o", private,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(plain) as archive:
        names = {Path(n).name for n in archive.namelist()}
        assert archive.testzip() is None
    assert names == {
        "report.html", "report.pdf", "report.md", "results.csv", "follow-ups.csv", "activity.csv",
        "follow-ups.ics",
        "posters.pdf", "invitation.pdf", "invitation.md", "wall.png",
    }  # fmt: skip
    with zipfile.ZipFile(private) as archive:
        folder = archive.namelist()[0].split("/")[0]
        assert folder == "sales-development-malmo-february"
        ws = loads(archive.read(f"{folder}/workshop.json"))
        assert ws.info.title == "Sales × Development, Malmö, February"
        assert all(a.email for a in ws.attendees.values() if a.name == "Priya Raman")
        assert b"BEGIN:VCARD" in archive.read(f"{folder}/contacts.vcf")
        posters = PdfReader(io.BytesIO(archive.read(f"{folder}/posters.pdf")))
        assert round(float(posters.pages[0].mediabox.width)) == 842  # A3


def test_invitation_event_needs_a_date(blank_path: Path) -> None:
    result = run("export", blank_path, "--format", "ics", "--invitation")
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
    assert b"no start date" in result.stderr


def test_a_broken_workshop_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.workshop"
    bad.write_bytes(b"not sqlite at all" * 100)
    result = run("export", bad, "--format", "pdf", "-o", tmp_path / "x.pdf")
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
    assert b"Traceback" not in result.stderr


def test_the_activity_log_exports_every_change_with_its_origin(demo_path: Path) -> None:
    import csv
    import io

    from workshopdesk.app.commands import Edit, Undo
    from workshopdesk.app.origin import phone
    from workshopdesk.app.workspace import Workspace
    from workshopdesk.core import operations as ops

    device = "00000000-0000-4000-8000-00000000a001"
    now = "2027-02-11T10:00:00+01:00"
    with Workspace.open(demo_path) as workspace:
        column = workspace.workshop.ordered_columns()[0].id
        workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Printer on fire")))
        workspace.submit(Undo())
        workspace.submit(
            Edit(lambda ws: ops.join(ws, device, now, name="Ann")), phone(device, "Ann")
        )
        workspace.submit(Edit(lambda ws: ops.join(ws, device, now)), phone(device))
    result = subprocess.run(
        [sys.executable, "-m", "workshopdesk", "export", str(demo_path), "--format", "activity"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Time", "Origin", "Who", "What"]
    assert [row[1:] for row in rows[1:]] == [
        ["Facilitator", "", "Add problem 'Printer on fire'"],
        ["Facilitator", "", "Undo: Add problem 'Printer on fire'"],
        ["Phone", "Ann", "Ann joined"],
        ["Phone", "anonymous phone", "anonymous phone joined"],
    ]


@pytest.mark.parametrize("name", ["invitation-md", "invitation-pdf"])
def test_an_invitation_without_date_or_venue_warns_on_stderr(
    blank_path: Path, tmp_path: Path, name: str
) -> None:
    result = run("export", blank_path, "--format", name, "-o", tmp_path / "invitation")
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode() == (
        "workshopdesk: The invitation has no date and no venue yet: "
        "set them under Goal & Ground Rules before sending it.\n"
    )
    assert (tmp_path / "invitation").stat().st_size > 0


def test_an_invitation_with_date_and_venue_says_nothing(stable_demo_path: Path) -> None:
    result = run("export", stable_demo_path, "--format", "invitation-md")
    assert result.returncode == 0 and result.stderr == b""


def test_follow_ups_have_their_own_csv_with_check_in_dates(stable_demo_path: Path) -> None:
    import csv

    result = run("export", stable_demo_path, "--format", "followups-csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert len(rows) == 8
    assert rows[0] == {
        "Number": "2",
        "Problem": "Single sign-on broke after the customer moved Azure AD tenants",
        "Follow-up": "Call with Hallström's IT: collect tenant IDs and test the new SSO "
        "connection together.",
        "Owner": "Jonas Öberg",
        "Due": "2027-02-18",
        "Check-in": "2027-02-25",
        "Status": "open",
        "Outcome": "",
    }
    results = list(csv.DictReader(io.StringIO(run("export", stable_demo_path, "--format", "csv")
                                              .stdout.decode())))  # fmt: skip
    assert "Follow-ups" not in results[0]
    solutions = sum(1 for r in results if r["Solution"])
    assert solutions == 15, "one row per solution, no follow-up repeated on them"
