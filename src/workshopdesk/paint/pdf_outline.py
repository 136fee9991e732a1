"""Bookmarks (the PDF's outline) added to a finished PDF, one entry per problem, so a reader
can jump to a problem in an 890-page report from the viewer's sidebar.

Qt's PDF writer makes no outline; this appends one to its file as an incremental update
(new objects, a catalog that points at them, a cross-reference section of their own), which
every PDF reader reads and which leaves the pages untouched. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bookmark:
    title: str
    page: int
    """From 0."""
    top: float
    """Where on the page the entry jumps to: points from the page's bottom (PDF space)."""


class OutlineError(ValueError):
    """The PDF is not laid out as expected (not one of Qt's own)."""


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)
_REF = re.compile(rb"(\d+)\s+0\s+R")
_BODY = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.DOTALL)


def with_outline(pdf: bytes, bookmarks: Sequence[Bookmark]) -> bytes:
    """``pdf`` with ``bookmarks`` as its outline (shown when the file opens); unchanged
    when there are none."""
    if not bookmarks:
        return pdf
    end = _STARTXREF.search(pdf)
    trailers = list(_TRAILER.finditer(pdf))
    if end is None or not trailers:
        raise OutlineError("no trailer")
    trailer = trailers[-1].group(1)
    size = _number(trailer, b"/Size")
    root = _number(trailer, b"/Root")
    table = _offsets(pdf, int(end.group(1)))
    catalog = _object(pdf, table, root)
    pages = _pages(pdf, table, _number(catalog, b"/Pages"))

    outline = size
    first = size + 1
    count = len(bookmarks)
    objects: list[tuple[int, bytes]] = [
        (root, catalog.rstrip()[:-2] + b"/Outlines %d 0 R\n/PageMode /UseOutlines\n>>" % outline),
        (outline, b"<<\n/Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d\n>>"
         % (first, first + count - 1, count)),
    ]  # fmt: skip
    for index, mark in enumerate(bookmarks):
        if not 0 <= mark.page < len(pages):
            raise OutlineError(f"no page {mark.page}")
        links = b"".join(
            b"/%s %d 0 R\n" % (name, first + other)
            for name, other in ((b"Prev", index - 1), (b"Next", index + 1))
            if 0 <= other < count
        )
        target = b"[%d 0 R /XYZ 0 %.2f null]" % (pages[mark.page], mark.top)
        entry = b"<<\n/Title %s\n/Parent %d 0 R\n%s/Dest %s\n>>" % (
            _text(mark.title), outline, links, target)  # fmt: skip
        objects.append((first + index, entry))

    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    for number, body in objects:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"  # the free list's head, as readers expect
    numbers = sorted(offsets)
    runs = [[numbers[0]]]
    for number in numbers[1:]:  # one subsection per run of consecutive numbers
        if number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        out += b"%d %d\n" % (run[0], len(run))
        out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in run)
    kept = re.sub(rb"/(Size|Prev)\s+\d+\s*", b"", trailer).strip()
    new_size = first + count
    out += b"trailer\n<<\n/Size %d\n/Prev %s\n%s\n>>\nstartxref\n%d\n%%%%EOF\n" % (
        new_size, end.group(1), kept, xref)  # fmt: skip
    return bytes(out)


def _number(dictionary: bytes, key: bytes) -> int:
    found = re.search(re.escape(key) + rb"\s+(\d+)", dictionary)
    if found is None:
        raise OutlineError(f"no {key.decode()}")
    return int(found.group(1))


def _offsets(pdf: bytes, start: int) -> dict[int, int]:
    """Where each object starts, from the cross-reference table at ``start``."""
    if pdf[start : start + 4] != b"xref":
        raise OutlineError("no cross-reference table")
    out: dict[int, int] = {}
    position = start + 4
    header = re.compile(rb"\s*(\d+) (\d+)\s*?\n")
    while found := header.match(pdf, position):
        first, count = int(found.group(1)), int(found.group(2))
        position = found.end()
        for index in range(count):
            entry = pdf[position : position + 20]
            if entry[17:18] == b"n":
                out[first + index] = int(entry[:10])
            position += 20
    return out


def _object(pdf: bytes, table: dict[int, int], number: int) -> bytes:
    """The body of object ``number``."""
    start = table.get(number)
    found = None if start is None else _BODY.match(pdf, start)
    if found is None or int(found.group(1)) != number:
        raise OutlineError(f"no object {number}")
    return found.group(2)


def _pages(pdf: bytes, table: dict[int, int], node: int) -> list[int]:
    """The page objects under the page-tree node ``node``, in order."""
    body = _object(pdf, table, node)
    kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.DOTALL)
    if kids is None:
        return [node]
    out: list[int] = []
    for kid in _REF.finditer(kids.group(1)):
        number = int(kid.group(1))
        child = _object(pdf, table, number)
        leaf = re.search(rb"/Type\s*/Pages\b", child) is None
        out.extend([number] if leaf else _pages(pdf, table, number))
    return out


def _text(value: str) -> bytes:
    """A PDF text string any script can use: UTF-16 with its byte-order mark, in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"
