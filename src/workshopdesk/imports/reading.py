"""From the bytes of a CSV file to rows of text cells.

Encodings: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode
text"), otherwise Windows-1252, unless the facilitator names one. The delimiter is
sniffed from the header line among ``,`` ``;`` and tab. Quoted cells may hold newlines;
``\\r\\n``, ``\\n`` and ``\\r`` all end a row. A file with NUL bytes is not a CSV file.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from workshopdesk.core.errors import WorkshopError
from workshopdesk.core.formulas import unsafe
from workshopdesk.text import ui
from workshopdesk.text.ui import N_, _

DELIMITERS = (",", ";", "\t")
MAX_ROWS = 100_000
MAX_BYTES = 64 * 1024 * 1024
EMPTY = N_("The file is empty.")


class NotACsvFile(WorkshopError):
    """The file as a whole cannot be read as a table; nothing was imported."""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """Each row with its number as a spreadsheet shows it (the header is row 1)."""
    encoding: str
    delimiter: str


def check_encoding(name: str) -> str:
    """The codec's canonical name, or an error naming the unknown encoding."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise NotACsvFile(
            _("Unknown encoding {name}; try utf-8 or cp1252.").format(name=repr(name))
        ) from None


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with."""
    if encoding is not None:
        name = check_encoding(encoding)
        try:
            text = data.decode(name)
        except UnicodeDecodeError as error:
            raise NotACsvFile(
                _("The file is not valid {encoding} text (byte {byte}).").format(
                    encoding=encoding, byte=error.start + 1
                )
            ) from None
        return text.removeprefix("\ufeff"), name
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").removeprefix("\ufeff"), "utf-16"
        except UnicodeDecodeError:
            raise NotACsvFile(_("This is not a CSV file: its UTF-16 text is damaged.")) from None
    if b"\x00" in data:
        raise NotACsvFile(_("This is not a CSV file: it contains binary data."))
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise NotACsvFile(
            _(
                "This is not a CSV file, or its encoding is unusual: "
                "it is neither UTF-8 nor Windows-1252 text (name it with --encoding)."
            )
        ) from None


def sniff(text: str) -> str:
    """The delimiter that splits the header line into the most cells."""
    first = text.lstrip("\r\n").split("\n", 1)[0]
    best, most = ",", 0
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(cells) > most:
            best, most = delimiter, len(cells)
    return best


def read(data: bytes, encoding: str | None = None) -> Table:
    if len(data) > MAX_BYTES:
        raise NotACsvFile(
            _("The file is too large to import (over {size} MB).").format(size=MAX_BYTES // 2**20)
        )
    text, used = decode(data, encoding)
    if not text.strip():
        raise NotACsvFile(_(EMPTY))
    delimiter = sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    number = 0
    try:
        for cells in reader:
            number += 1
            if header is None:
                if not any(c.strip() for c in cells):
                    number -= 1  # blank lines before the header do not count
                    continue
                header = tuple(c.strip().removeprefix("\ufeff") for c in cells)
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise NotACsvFile(
                    _("The file has more than {limit} rows; split it up.").format(
                        limit=ui.current().number(MAX_ROWS)
                    )
                )
            rows.append((number, tuple(unsafe(c) for c in cells)))
    except csv.Error as error:
        raise NotACsvFile(
            _("This is not a CSV file: row {number}: {problem}.").format(
                number=number + 1, problem=error
            )
        ) from None
    if header is None:
        raise NotACsvFile(_(EMPTY))
    return Table(header, tuple(rows), used, delimiter)
