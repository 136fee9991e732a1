"""Everything at once: a zip of the report (HTML, PDF, Markdown), the spreadsheet, the
calendar, the posters, the invitation and the wall, in a folder named for the workshop.

The JSON and the contact cards hold personal data: they go in only with
``include-private``. A bundle can be made at any time during the workshop.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import datetime

from workshopdesk.export import formats

CONTENTS: tuple[tuple[str, str], ...] = (
    ("report.html", "html"),
    ("report.pdf", "pdf"),
    ("report.md", "md"),
    ("results.csv", "csv"),
    ("follow-ups.csv", "followups-csv"),
    ("activity.csv", "activity"),
    ("follow-ups.ics", "ics"),
    ("posters.pdf", "posters"),
    ("invitation.pdf", "invitation-pdf"),
    ("invitation.md", "invitation-md"),
    ("wall.png", "png"),
    ("workshop.json", "json"),
    ("contacts.vcf", "vcf"),
)


def slug(title: str) -> str:
    """A folder name from a title: ``Sales × Development, Malmö`` → ``sales-development-malmo``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    return "-".join(words)[:60].strip("-") or "workshop"


def render(request: formats.ExportRequest, progress: Callable[[str], None] | None = None) -> bytes:
    folder = slug(request.workshop.info.title)
    buffer = io.BytesIO()
    stamp = datetime.now().timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, format_name in CONTENTS:
            chosen = formats.FORMATS[format_name]
            if chosen.private and not request.flag("include-private"):
                continue
            if progress is not None:
                progress(name)
            options = {k: v for k, v in request.options.items() if k in chosen.options}
            data = chosen.render(
                formats.ExportRequest(request.workshop, request.settings, options, request.activity)
            )
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buffer.getvalue()
