"""The export formats the command line and the window offer, by name.

Drawing formats (PDF, posters, PNG) import Qt only when they run, so the command line's
text exports start without it. Every export speaks the workshop's language (from its
file); what a format is and the notes about an export are for the facilitator, in the
interface's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from workshopdesk.core.activity import ActivityEntry
from workshopdesk.core.workshop import Workshop
from workshopdesk.export import (
    activity,
    check_in,
    csv_format,
    html_report,
    ics,
    invitation,
    json_format,
    markdown,
)
from workshopdesk.export import vcard as vcard_format
from workshopdesk.facts import room_language
from workshopdesk.text.ui import N_, _, ngettext

PAPERS = ("a4", "a3", "letter")


@dataclass(frozen=True)
class ExportRequest:
    """What an exporter gets: the workshop, its saved settings (share link), the options."""

    workshop: Workshop
    settings: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, object] = field(default_factory=dict)
    activity: Sequence[ActivityEntry] = ()
    """The activity log (newest first, as the file gives it)."""

    @property
    def paper(self) -> str:
        paper = self.options.get("paper") or "a4"
        return str(paper)

    def flag(self, name: str) -> bool:
        return bool(self.options.get(name, False))


@dataclass(frozen=True)
class Format:
    name: str
    summary: str
    """What the format is, in English (marked for translation): see :attr:`description`."""
    render: Callable[[ExportRequest], str | bytes]
    binary: bool = False
    options: frozenset[str] = frozenset()
    """Option names (as on the command line, without dashes) this format accepts."""
    extension: str = ""
    """The file name ending the window suggests, without the dot."""
    private: bool = False
    """Holds attendees' contact data: the bundle includes it only when asked."""
    notes: Callable[[ExportRequest], list[str]] | None = None
    """What the reader should know about this export (something left out or missing),
    one line each; the command line writes them to stderr."""

    @property
    def description(self) -> str:
        """What the format is, in the interface's language."""
        return _(self.summary)

    def notes_for(self, request: ExportRequest) -> list[str]:
        return self.notes(request) if self.notes is not None else []


def _pdf(request: ExportRequest) -> bytes:
    from workshopdesk.paint import pdf_report

    return pdf_report.render(request.workshop, request.paper)


def _invitation_pdf(request: ExportRequest) -> bytes:
    from workshopdesk.paint import pdf_report

    return pdf_report.render_invitation(request.workshop, request.paper)


def _check_in_pdf(request: ExportRequest) -> bytes:
    from workshopdesk.paint import pdf_report

    ws = request.workshop
    return pdf_report.render_check_in(ws, check_in.latest(ws), request.paper)


def _posters(request: ExportRequest) -> bytes:
    from workshopdesk.paint import posters

    return posters.render(request.workshop, request.settings, request.paper)


def _png(request: ExportRequest) -> bytes:
    from workshopdesk.paint import png

    return png.render(request.workshop, request.settings)


def _bundle(request: ExportRequest) -> bytes:
    from workshopdesk.export import bundle

    return bundle.render(request)


def _json(request: ExportRequest) -> str:
    return json_format.dumps(request.workshop, include_private=request.flag("include-private"))


def _json_notes(request: ExportRequest) -> list[str]:
    if request.flag("include-private"):
        return []
    left_out = len(json_format.withheld(request.workshop))
    if not left_out:
        return []
    return [
        ngettext(
            "Left out the e-mail and phone of {count} attendee who did not agree to share "
            "them (--include-private adds them).",
            "Left out the e-mail and phone of {count} attendees who did not agree to share "
            "them (--include-private adds them).",
            left_out,
        ).format(count=left_out)
    ]


def _invitation_notes(request: ExportRequest) -> list[str]:
    note = invitation.warning(request.workshop)
    return [note] if note else []


def _ics_notes(request: ExportRequest) -> list[str]:
    return _invitation_notes(request) if request.flag("invitation") else []


_PAPER = frozenset({"paper"})

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", N_("the report as one web page (prints well)"),
               lambda r: html_report.render(r.workshop), extension="html"),
        Format("pdf", N_("the report as a PDF (A4 by default)"), _pdf, binary=True,
               options=_PAPER, extension="pdf"),
        Format("md", N_("the report as Markdown, for a wiki"),
               lambda r: markdown.render(r.workshop), extension="md"),
        Format("csv", N_("one row per solution, for a spreadsheet (--excel: ; and a BOM)"),
               lambda r: csv_format.render(r.workshop, excel=r.flag("excel")),
               options=frozenset({"excel"}), extension="csv"),
        Format("followups-csv", N_("one row per follow-up: owner, due and check-in dates, status, "
               "outcome (--excel as for csv)"),
               lambda r: csv_format.render_follow_ups(r.workshop, excel=r.flag("excel")),
               options=frozenset({"excel"}), extension="csv"),
        Format("activity", N_("every change with its time and origin, for a spreadsheet"),
               lambda r: activity.render(r.activity, excel=r.flag("excel"),
                                         language=room_language(r.workshop)),
               options=frozenset({"excel"}), extension="csv"),
        Format("json", N_("the full workshop, re-importable (contact data of attendees who did "
               "not agree to share it only with --include-private)"),
               _json, options=frozenset({"include-private"}), extension="json", private=True,
               notes=_json_notes),
        Format("ics", N_("follow-up due and check-in dates for calendars "
                         "(--invitation: the day too)"),
               lambda r: ics.render(r.workshop, invitation=r.flag("invitation")),
               options=frozenset({"invitation"}), extension="ics", notes=_ics_notes),
        Format("vcf", N_("contact cards of the attendees who agreed to share them"),
               lambda r: vcard_format.render(r.workshop), extension="vcf", private=True),
        Format("posters", N_("one poster per problem with its QR code (PDF)"), _posters,
               binary=True, options=_PAPER, extension="pdf"),
        Format("invitation-pdf", N_("the invitation with venue, date and goal (PDF)"),
               _invitation_pdf, binary=True, options=_PAPER, extension="pdf",
               notes=_invitation_notes),
        Format("invitation-md", N_("the invitation as Markdown"),
               lambda r: invitation.markdown(r.workshop), extension="md",
               notes=_invitation_notes),
        Format("png", N_("the wall as an image"), _png, binary=True, extension="png"),
        Format("check-in-md", N_("the latest check-in's summary as Markdown"),
               lambda r: check_in.markdown(r.workshop), extension="md"),
        Format("check-in-pdf", N_("the latest check-in's summary as a PDF"), _check_in_pdf,
               binary=True, options=_PAPER, extension="pdf"),
        Format("check-in-ics", N_("the next check-in as a calendar event"),
               lambda r: check_in.next_event(r.workshop), extension="ics"),
        Format("bundle", N_("a zip of everything above (json and vcf with --include-private)"),
               _bundle, binary=True,
               options=frozenset({"paper", "excel", "include-private"}), extension="zip"),
    )
}  # fmt: skip
