"""The command line in the interface's language, run as a user would: a real process with
the system locale set (``LANG=sv_SE.UTF-8``, or ``LANGUAGE=pseudo`` to find any text that
bypassed translation)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tests.pseudo_locale import untranslated
from workshopdesk.cli import COMMANDS, build_parser
from workshopdesk.commands.parser import message
from workshopdesk.export.formats import FORMATS

Speak = Callable[[str], object]
"""The ``interface_language`` fixture: speak this language for the rest of the test."""

COMMAND_NAMES = [c.rstrip("_") for c in COMMANDS]

HELPS = [None, *COMMAND_NAMES]
"""The program's help and every command's (the bare ``workshopdesk --help`` as None)."""

from workshopdesk.commands.shot import VIEW_NAMES  # noqa: E402  (the views are names)

NAMES = re.compile(
    r"(?<![\w-])--?[a-z][\w-]*"  # options: --json, -o
    r"|\{[^{}\s]*\}"  # choices as argparse lists them: {en,sv}
    r"|\b(?:PATH|COMMAND|FORMAT|OUT\.png|OUT|EXPORT\.json|SOURCE\.csv|TEXT|NAME|NO\|all|ADDRESS"
    r"|FILE\.workshop|WxH|VIEW|THEME|PAPER|LANG|KIND|TEMPLATE|MODERATION|SCALE|K|N|NO)\b"
    r"|\bworkshopdesk\b|\bmalmo-2027\.workshop\b|\b127\.0\.0\.1\b"
    rf"|(?<![\w-])(?:{'|'.join(sorted(FORMATS, key=len, reverse=True))})(?![\w-])"
    rf"|\b(?:{'|'.join(COMMAND_NAMES)})\b"
    rf"|(?<![\w-])(?:{'|'.join(sorted(VIEW_NAMES, key=len, reverse=True))})(?![\w-])"
)
"""What --help shows that is no text to translate: option names, metavars, choices, the
program's, its commands' and the export formats' names, an example file name and an
address."""


def cli(*args: str, language: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    if language == "pseudo":
        env["LANGUAGE"] = "pseudo"
    else:
        env["LANG"] = language
    return subprocess.run(
        [sys.executable, "-m", "workshopdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )


def left_in_english(output: str, user_texts: tuple[str, ...] = ()) -> list[str]:
    """What ``output`` has in words outside the pseudo-language's brackets. A translated
    text may hold another (a message in a sentence) and may be wrapped over lines."""
    text = output
    for item in sorted({t.strip() for t in user_texts if t.strip()}, key=len, reverse=True):
        text = text.replace(item, " ")
    text = NAMES.sub(" ", text)
    inner = re.compile(r"⟦[^⟦⟧]*⟧")
    while inner.search(text):
        text = inner.sub(" ", text)
    return untranslated(text.splitlines())


@pytest.mark.parametrize("command", HELPS)
def test_every_help_is_translated(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    result = cli(*args, language="pseudo")
    assert result.returncode == 0, result.stderr
    assert "⟦ûšàĝé: ⟧" in result.stdout
    assert left_in_english(result.stdout) == []


@pytest.mark.parametrize("command", HELPS)
def test_no_help_line_stays_english_in_swedish(command: str | None) -> None:
    """A text marked but not yet translated shows in English: every line with words must
    differ from the English help (a wrapped line's lone word, a value or a name, aside)."""
    args = ["--help"] if command is None else [command, "--help"]
    english = cli(*args, language="C.UTF-8").stdout
    swedish = cli(*args, language="sv_SE.UTF-8").stdout
    words = re.compile(r"[^\W\d_]{2,}")

    def lines(text: str) -> set[str]:
        found = {" ".join(NAMES.sub(" ", line).split()) for line in text.splitlines()}
        return {line for line in found if len(words.findall(line)) > 1}

    assert lines(swedish) & lines(english) == set()


@pytest.mark.parametrize(
    "args",
    [
        ["new"],  # a required argument missing
        ["new", "x.workshop", "--bogus"],  # an unknown option
        ["export", "x.workshop", "--format", "nope"],  # not one of the choices
        ["export", "x.workshop", "--format"],  # an option without its value
        ["round", "x.workshop", "--dots", "99"],  # our own check of a value
        ["shot", "x.workshop", "-o", "x.png", "--problem", "one"],  # not a number
        ["new", "x.workshop", "--demo", "--template", "blank"],  # two that exclude each other
        ["round", "x.workshop", "stop", "--hidden"],  # a rule checked after parsing
        ["--demo", "info", "x.workshop"],
    ],
)
def test_usage_errors_are_translated(args: list[str], tmp_path: Path) -> None:
    result = cli(*args, language="pseudo", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1
    values = ("'nope'", "'one'", "'activity', 'bundle'", "x.workshop")
    line = re.sub(r"'[\w.-]+'(, '[\w.-]+')*", " ", result.stderr)  # the choices, quoted
    assert left_in_english(line, values) == [], result.stderr


def test_a_file_error_is_translated(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = cli("new", str(tmp_path / "x.workshop"), "--from", str(missing), language="pseudo")
    assert result.returncode == 1
    assert left_in_english(result.stderr, (str(missing),)) == [], result.stderr
    assert not (tmp_path / "x.workshop").exists()


def test_swedish_help_and_errors(tmp_path: Path) -> None:
    swedish = "sv_SE.UTF-8"
    help_text = cli("new", "--help", language=swedish).stdout
    assert help_text.startswith("användning: workshopdesk new")
    assert "Skapa en workshopfil från en mall, demon eller en JSON-export." in help_text
    assert "\nflaggor:\n" in help_text and "\npositionsargument:\n" in help_text
    assert "visa den här hjälptexten och avsluta" in help_text

    missing = cli("new", language=swedish).stderr
    assert missing == (
        "workshopdesk new: följande argument krävs: PATH (se: workshopdesk new --help)\n"
    )
    source = tmp_path / "saknas.json"
    unreadable = cli("new", str(tmp_path / "x.workshop"), "--from", str(source), language=swedish)
    assert unreadable.stderr.startswith(f"workshopdesk: Kan inte läsa {source}: ")
    target = tmp_path / "saknas" / "x.html"
    unwritable = cli("export", str(tmp_path / "x.workshop"), "--format", "html", "-o", str(target),
                     language=swedish)  # fmt: skip
    assert unwritable.returncode == 1


def test_a_missing_file_is_missing_in_swedish(tmp_path: Path) -> None:
    source = tmp_path / "saknas.json"
    unreadable = cli(
        "new", str(tmp_path / "x.workshop"), "--from", str(source), language="sv_SE.UTF-8"
    )
    assert unreadable.stderr == (
        f"workshopdesk: Kan inte läsa {source}: filen eller mappen finns inte.\n"
    )


def test_swedish_messages_of_a_workshop(tmp_path: Path) -> None:
    path = tmp_path / "malmö.workshop"
    created = cli("new", str(path), "--title", "Malmö i februari", language="sv_SE.UTF-8")
    assert created.stdout == f"Skapade {path}: Malmö i februari\n"
    info = cli("info", str(path), language="sv_SE.UTF-8").stdout.splitlines()
    assert info[1].startswith("Team: 2, deltagare: 0, problem: 0, lösningar: 0,")
    assert info[1].endswith(", uppföljningar: 0 (0 öppna)")
    assert cli("round", str(path), language="sv_SE.UTF-8").stdout == "Ingen omgång än.\n"
    started = cli("round", str(path), "start", "vote", "--dots", "1", language="sv_SE.UTF-8")
    assert started.stdout == "En prickröstning har startat, 1 prick.\n"
    shown = cli("round", str(path), language="sv_SE.UTF-8").stdout.splitlines()
    assert shown[0] == "Röstning pågår: 0 av 0 mobiler klara."


def test_english_output_is_unchanged(tmp_path: Path) -> None:
    help_text = cli("new", "--help", language="C.UTF-8").stdout
    assert help_text.startswith("usage: workshopdesk new [-h]")
    assert "\npositional arguments:\n" in help_text
    assert "  -h, --help            show this help message and exit\n" in help_text
    assert "Create a workshop file from a template, the demo, or a JSON export." in help_text
    error = cli("export", "x.workshop", "--format", "nope", language="en_GB.UTF-8").stderr
    assert error.startswith(
        "workshopdesk export: argument --format: invalid choice: 'nope' (choose from 'activity',"
    )
    assert error.endswith(" (see: workshopdesk export --help)\n")
    path = tmp_path / "a.workshop"
    created = cli("new", str(path), language="C").stdout
    assert created == f"Created {path}: Problem wall workshop\n"


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        ("unrecognized arguments: --x", "okända argument: --x"),
        ("argument --format: expected one argument", "argument --format: ett argument förväntades"),
        ("expected 2 arguments", "2 argument förväntades"),
        (
            "argument -h/--host: invalid choice: 'a' (choose from 'b', 'c')",
            "argument -h/--host: ogiltigt val: 'a' (välj bland 'b', 'c')",
        ),
        ("argument --a: not allowed with argument --b", "argument --a: kan inte kombineras med "
         "argumentet --b"),
        ("a message argparse does not have", "a message argparse does not have"),
    ],
)  # fmt: skip
def test_argparse_messages(english: str, swedish: str, interface_language: Speak) -> None:
    assert message(english) == english
    interface_language("sv")
    assert message(english) == swedish


def test_the_parser_is_built_in_the_interface_language(interface_language: Speak) -> None:
    interface_language("sv")
    text = build_parser().format_help()
    assert text.startswith("användning: workshopdesk")
    assert "\nflaggor:\n" in text


def test_import_problems_are_translated(tmp_path: Path) -> None:
    path = tmp_path / "a.workshop"
    assert cli("new", str(path), language="C").returncode == 0
    rows = tmp_path / "rader.csv"
    rows.write_text("Titel,Kund\nEtt problem,Kund AB\n,Kund AB\n", encoding="utf-8")
    result = cli("import", str(path), str(rows), "--kind", "problems", language="pseudo")
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 2
    assert left_in_english(result.stderr, ("rader.csv",)) == [], result.stderr

    swedish = cli("import", str(path), str(rows), "--kind", "problems", language="sv_SE.UTF-8")
    assert swedish.stderr.splitlines()[-1] == (
        "workshopdesk: 1 rad i rader.csv har fel; inget importerades."
    )
    rows.write_text("Titel,Kund\nEtt problem,Kund AB\nEtt till,Kund AB\n", encoding="utf-8")
    done = cli("import", str(path), str(rows), "--kind", "problems", language="sv_SE.UTF-8")
    assert done.stdout == "Importerade 2 problem till a.workshop.\n"


@pytest.mark.parametrize(
    ("content", "swedish"),
    [
        ('{"format": ', "Filen är inte giltig JSON: ett värde förväntades på rad 1, kolumn 12."),
        ("[1, 2]", "Filen: ett objekt förväntades."),
        (b"\xff{}", "Filen är inte UTF-8-text (byte 1 är ogiltig)."),
    ],
)
def test_json_import_problems_are_translated(
    content: str | bytes, swedish: str, tmp_path: Path
) -> None:
    source = tmp_path / "export.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    target = str(tmp_path / "x.workshop")
    result = cli("new", target, "--from", str(source), language="pseudo")
    assert result.returncode == 1
    assert left_in_english(result.stderr) == [], result.stderr
    result = cli("new", target, "--from", str(source), language="sv_SE.UTF-8")
    assert result.stderr == f"workshopdesk: {swedish}\n"


def test_an_unexpected_error_is_one_line_in_swedish(
    tmp_path: Path, interface_language: Speak
) -> None:
    from workshopdesk.crash_log import went_wrong

    interface_language("sv")
    log = tmp_path / "workshopdesk.log"
    assert went_wrong("KeyError", log) == f"något gick fel (KeyError); detaljerna finns i {log}"
    assert (
        went_wrong("KeyError", None, in_server=True) == "något gick fel i mobilservern (KeyError)"
    )


def test_what_the_commands_print_is_translated(demo_path: Path) -> None:
    from tests.pseudo_locale import workshop_texts
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    _send_ideas(demo_path)
    with WorkshopFile.open(demo_path, Mode.READ) as file:
        user_texts = (*workshop_texts(file.load()), demo_path.name)
    path = str(demo_path)
    listing = cli("ideas", path, language="pseudo").stdout
    assert "\tAnn\tInvoices in euros from March" in listing
    assert "⟦àñöñýmöûš pĥöñé⟧\tA quiet thought" in listing
    runs = [
        ["info", path],
        ["followups", path],
        ["ideas", path],
        ["ideas", path, "--reject", "1"],
        ["round", path],
        ["round", path, "start", "vote", "--problem", "1", "--dots", "2"],
        ["round", path],
        ["round", path, "stop"],
        ["round", path, "start", "write"],
        ["round", path, "reveal"],
        ["ideas", path, "--moderation", "off"],
        ["ideas", path],
        ["ideas", path, "--approve", "all"],
    ]
    for args in runs:
        result = cli(*args, language="pseudo")
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout.strip(), args
        assert left_in_english(result.stdout + result.stderr, user_texts) == [], args
    listing = cli("ideas", path, language="pseudo").stdout  # none is waiting any more
    assert "Invoices in euros from March" not in listing


def _send_ideas(path: Path) -> None:
    """Two phones, one named and one anonymous, each send an idea that waits."""
    from workshopdesk.app.commands import Edit
    from workshopdesk.app.workspace import Workspace
    from workshopdesk.core import operations as ops
    from workshopdesk.core.operations.common import new_id
    from workshopdesk.store.workshop_file import Mode

    now = "2027-02-11T10:00:00+01:00"
    with Workspace.open(path, Mode.WRITE) as workspace:
        problem = workspace.workshop.problem_by_number(1)
        assert problem is not None
        for name, text in (("Ann", "Invoices in euros from March"), ("", "A quiet thought")):
            device = new_id()
            workspace.submit(Edit(partial(ops.join, device_id=device, now=now, name=name)))
            workspace.submit(
                Edit(partial(ops.send_idea, device_id=device, problem_id=problem.id, text=text,
                             now=now))
            )  # fmt: skip
