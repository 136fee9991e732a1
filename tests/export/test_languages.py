"""Every export speaks the workshop's language: rendered in the pseudo-language, every word
the program writes is translated (only the facilitator's own texts are left); a Swedish
workshop's exports are in Swedish, with CLDR dates and plurals; English ones are
unchanged (the reference files of ``test_golden`` say so byte for byte)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.export.conftest import SHARE, stable_demo
from tests.export.test_golden import STAMP, weeks_later
from tests.export.visible import (
    calendar_texts,
    card_notes,
    csv_cells,
    html_texts,
    left_untranslated,
    markdown_texts,
)
from tests.pseudo_locale import untranslated
from workshopdesk import starters
from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import (
    activity,
    csv_format,
    formats,
    html_report,
    ics,
    invitation,
    markdown,
    vcard,
)
from workshopdesk.text import Translator, translator
from workshopdesk.text.language import PSEUDO

PSEUDO_TR = translator(PSEUDO)


def everything(ws: Workshop) -> Workshop:
    """The demo with every branch a report has: follow-ups done and dropped, an attendee
    without a team, a card's customer and tags."""
    ws = weeks_later(ws)
    loose = ws.ordered_attendees()[0]
    ws._put(replace(loose, team_id=None))
    return ws


def workshops() -> Iterator[tuple[str, Workshop]]:
    yield "demo", everything(stable_demo())
    yield "blank", starters.template("blank")


TEXTS: dict[str, Callable[[Workshop, Translator], list[str]]] = {
    "html": lambda ws, tr: html_texts(html_report.render(ws, tr)),
    "md": lambda ws, tr: markdown_texts(markdown.render(ws, tr)),
    "csv": lambda ws, tr: csv_cells(csv_format.render(ws, language=tr)),
    "followups-csv": lambda ws, tr: csv_cells(csv_format.render_follow_ups(ws, language=tr)),
    "ics": lambda ws, tr: calendar_texts(ics.render(ws, now=STAMP, language=tr)),
    "ics-invitation": lambda ws, tr: calendar_texts(
        ics.render(ws, invitation=True, now=STAMP, language=tr)
    ),
    "vcf": lambda ws, tr: card_notes(vcard.render(ws, tr)),
    "invitation-md": lambda ws, tr: markdown_texts(invitation.markdown(ws, tr)),
    "invitation-text": lambda ws, tr: invitation.plain_text(ws, language=tr).split("\n"),
}


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize(
    ("label", "ws"), list(workshops()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_word_of_a_text_export_is_translated(name: str, label: str, ws: Workshop) -> None:
    if name == "ics-invitation" and not ws.info.starts_at:
        pytest.skip("a workshop without a date has no calendar event of its own")
    texts = TEXTS[name](ws, PSEUDO_TR)
    assert texts or (label, name) == ("blank", "vcf")
    assert left_untranslated(texts, ws) == []


def activity_log(path: Path) -> list[ActivityEntry]:
    """A log with a change, its undo, and two phones joining (one named, one anonymous)."""
    from workshopdesk.app.commands import Edit, Undo
    from workshopdesk.app.origin import phone
    from workshopdesk.app.workspace import Workspace
    from workshopdesk.core import operations as ops
    from workshopdesk.store.workshop_file import Mode, WorkshopFile

    device = "00000000-0000-4000-8000-00000000a001"
    now = "2027-02-11T10:00:00+01:00"
    with Workspace.open(path) as workspace:
        column = workspace.workshop.ordered_columns()[0].id
        workspace.submit(Edit(lambda ws: ops.add_problem(ws, column, "Printer on fire")))
        workspace.submit(Undo())
        workspace.submit(
            Edit(lambda ws: ops.join(ws, device, now, name="Ann")), phone(device, "Ann")
        )
        workspace.submit(Edit(lambda ws: ops.join(ws, device, now)), phone(device))
    with WorkshopFile.open(path, Mode.READ) as file:
        return file.activity(None)


def test_the_activity_log_is_translated(demo_path: Path) -> None:
    entries = activity_log(demo_path)
    rows = list(csv.reader(io.StringIO(activity.render(entries, language=PSEUDO_TR))))
    cells = [cell for row in rows for cell in row[1:]]  # the time is a number
    assert rows[0][0].startswith("⟦")
    assert untranslated(cells, ["Ann", "Printer on fire"]) == []
    rows = list(csv.reader(io.StringIO(activity.render(entries, language=translator("sv")))))
    assert rows[0] == ["Tid", "Ursprung", "Vem", "Vad"]
    assert [row[1:3] for row in rows[1:]] == [
        ["Facilitator", ""],
        ["Facilitator", ""],
        ["Mobil", "Ann"],
        ["Mobil", "anonym mobil"],
    ]
    assert rows[2][3].startswith("Ångra: ")


# -- Swedish --------------------------------------------------------------------------


@pytest.fixture
def swedish() -> Workshop:
    """The demo, written in Swedish, with its follow-ups weeks later."""
    return weeks_later(starters.demo("sv"))


def test_a_swedish_report_is_in_swedish(swedish: Workshop) -> None:
    page = html_report.render(swedish)
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')
    texts = html_texts(page)
    assert "torsdag 11 februari 2027 kl. 09:00–17:00" in texts
    assert "Workshoprapport" in texts
    assert "5 av 10 problem har en överenskommen lösning" in texts
    assert {"1 röst", "9 röster", "6 personer"} <= {
        part.strip().replace("\u00a0", " ") for text in texts for part in text.split("·")
    }
    assert "Klart senast" in texts  # the open follow-ups' column
    assert html_report.render(stable_demo()).startswith('<!DOCTYPE html>\n<html lang="en">')


def test_a_swedish_markdown_report_and_invitation(swedish: Workshop) -> None:
    report = markdown.render(swedish)
    assert "**När:** torsdag 11 februari 2027 kl. 09:00–17:00  " in report
    assert "## Sammanfattning" in report
    assert "klart senast 5 mars 2027" in report
    assert "; klar*" in report and "; struken*" in report  # a follow-up done, one dropped
    letter = invitation.markdown(swedish)
    assert "## Så här jobbar vi tillsammans" in letter


def test_a_swedish_spreadsheet_has_swedish_headers(swedish: Workshop) -> None:
    rows = list(csv.reader(io.StringIO(csv_format.render(swedish))))
    assert rows[0][:5] == ["Nummer", "Titel", "Kund", "Kolumn", "Löst"]
    assert {row[4] for row in rows[1:]} == {"ja", "nej"}
    assert {row[10] for row in rows[1:]} - {""} == {"överenskommen", "föreslagen", "avvisad"}
    follow_ups = list(csv.reader(io.StringIO(csv_format.render_follow_ups(swedish))))
    assert follow_ups[0] == [
        "Nummer", "Problem", "Uppföljning", "Ansvarig", "Klart senast", "Avstämning", "Status",
        "Utfall",
    ]  # fmt: skip
    english = list(csv.reader(io.StringIO(csv_format.render(stable_demo()))))
    assert tuple(english[0]) == csv_format.HEADER


def test_a_swedish_results_sheet_imports_back(swedish: Workshop) -> None:
    """The Swedish headers are ones the import knows: a Swedish sheet reads back."""
    from workshopdesk.imports.headers import Kind, mapping

    header = next(csv.reader(io.StringIO(csv_format.render(swedish))))
    fields, _ = mapping(Kind.PROBLEMS, tuple(header))
    assert {
        "number",
        "title",
        "customer",
        "description",
        "stalled_because",
        "teams",
        "tags",
    } <= set(fields)


def test_swedish_calendar_and_cards(swedish: Workshop) -> None:
    texts = calendar_texts(ics.render(swedish, invitation=True, now=STAMP))
    assert any(text.startswith("Klart senast: ") for text in texts)
    assert any(text.startswith("Avstämning: ") for text in texts)
    assert any("\n\nVårt gemensamma mål: " in text for text in texts)
    assert "WorkshopDesk-uppföljning" in texts
    notes = card_notes(vcard.render(swedish))
    assert notes and all(note.startswith("Träffades på ") for note in notes)


def test_notes_and_format_descriptions_are_in_the_interface_language(
    interface_language: Callable[[str], object], swedish: Workshop
) -> None:
    interface_language("sv")
    assert formats.FORMATS["pdf"].description == "rapporten som PDF (A4 om inget annat anges)"
    blank = starters.template("blank")
    notes = formats.FORMATS["invitation-md"].notes_for(formats.ExportRequest(blank))
    assert notes == [
        "Inbjudan saknar datum och plats än: ange dem under Mål och spelregler innan du "
        "skickar den."
    ]
    from workshopdesk.links import loopback_warning

    warning = loopback_warning({**SHARE, "share.host": "127.0.0.1"})
    assert warning is not None and warning.startswith("Bara den här datorn kan öppna")
    # the export itself is the workshop's: an English workshop stays English
    assert "Our shared goal" in invitation.markdown(stable_demo())


class Recording(Translator):
    """A translator that notes every text it is asked for."""

    def __init__(self, language: Translator) -> None:
        super().__init__(language.language, language._catalogue)
        self.asked: set[tuple[str | None, str]] = set()

    def gettext(self, text: str) -> str:
        self.asked.add((None, text))
        return super().gettext(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        self.asked.add((None, singular))
        return super().ngettext(singular, plural, count)

    def pgettext(self, context: str, text: str) -> str:
        self.asked.add((context, text))
        return super().pgettext(context, text)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        self.asked.add((context, singular))
        return super().npgettext(context, singular, plural, count)


def test_every_text_an_export_asks_for_has_a_swedish_translation(
    swedish: Workshop, tmp_path: Path
) -> None:
    """Each text the exports translate is in the Swedish catalogue, translated (a text
    that was marked where the catalogue's extraction cannot see it would be missing)."""
    from babel.messages.pofile import read_po

    from workshopdesk.paint import posters, report_flow
    from workshopdesk.resources import resource
    from workshopdesk.store.workshop_file import WorkshopFile
    from workshopdesk.text.catalogue import ENGLISH as CORE_MESSAGES

    swedish_path = tmp_path / "sv.workshop"
    WorkshopFile.create(swedish_path, starters.demo("sv"))

    recording = Recording(translator("sv"))
    for render in TEXTS.values():
        render(swedish, recording)
    for ws in (swedish, starters.template("blank", language="sv")):
        list(report_flow.paragraphs(ws, recording))
        list(report_flow.invitation_paragraphs(ws, recording))
        for settings in (SHARE, {}, {**SHARE, "share.host": "127.0.0.1"}):
            posters.render(ws, settings, language=recording)
    activity.render(activity_log(swedish_path), language=recording)
    with resource("locale", "sv.po").open("rb") as stream:
        catalogue = read_po(stream)
    missing = []
    for context, text in sorted(recording.asked, key=str):
        if context in CORE_MESSAGES:
            continue  # the core's messages (their id is the context): another test's job
        message = catalogue.get(text, context=context)
        translated = message is not None and (
            all(message.string) if isinstance(message.string, tuple) else bool(message.string)
        )
        if not translated:
            missing.append((context, text))
    assert missing == []
    assert len(recording.asked) > 60
