"""Reading CSV files as they come out of CRMs, support tools and spreadsheets."""

from __future__ import annotations

import codecs

import pytest

from workshopdesk.imports.reading import NotACsvFile, read


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(delimiter: str) -> None:
    text = delimiter.join(["Title", "Customer", "Tags"]) + "\n"
    text += delimiter.join(["A, B; C", "Acme", "x"]).replace("A, B; C", '"A, B; C"') + "\n"
    table = read(text.encode())
    assert table.delimiter == delimiter
    assert table.header == ("Title", "Customer", "Tags")
    assert table.rows == ((2, ("A, B; C", "Acme", "x")),)


def test_utf8_with_and_without_bom_and_windows_1252() -> None:
    text = "Titel;Kund\nÅtgärd för kö;Östkustens Mejeri\n"
    for data in (text.encode("utf-8"), codecs.BOM_UTF8 + text.encode("utf-8")):
        table = read(data)
        assert table.header[0] == "Titel" and table.encoding == "utf-8"
        assert table.rows[0][1] == ("Åtgärd för kö", "Östkustens Mejeri")
    table = read(text.encode("cp1252"))
    assert table.encoding == "cp1252"
    assert table.rows[0][1] == ("Åtgärd för kö", "Östkustens Mejeri")


def test_utf16_from_excel_unicode_text() -> None:
    data = "Title\tCustomer\r\nÅ 🎉\tAcme\r\n".encode("utf-16")
    table = read(data)
    assert table.delimiter == "\t"
    assert table.rows[0][1] == ("Å 🎉", "Acme")


def test_an_encoding_can_be_named() -> None:
    data = "Title\nCafé\n".encode("latin-1")
    assert read(data, "latin-1").rows[0][1] == ("Café",)
    with pytest.raises(NotACsvFile, match="not valid utf-8"):
        read("Title\nCafé\n".encode("latin-1"), "utf-8")
    with pytest.raises(NotACsvFile, match="Unknown encoding"):
        read(b"Title\nx\n", "klingon")


def test_mixed_line_endings_and_quoted_newlines() -> None:
    data = b'Title,Description\r\nOne,"first\r\nsecond"\nTwo,plain\rThree,"a\nb"\r\n'
    table = read(data)
    assert [r[1][0] for r in table.rows] == ["One", "Two", "Three"]
    assert table.rows[0][1][1] == "first\r\nsecond"
    assert [r[0] for r in table.rows] == [2, 3, 4]


def test_blank_rows_are_skipped_but_counted() -> None:
    table = read(b"\n\nTitle\nA\n\n,\nB\n")
    assert [(n, cells[0]) for n, cells in table.rows] == [(2, "A"), (5, "B")]


def test_formula_guard_is_stripped() -> None:
    table = read(b"Title,Customer\n'=SUM(A1),'+46 70\n'plain,x\n")
    assert table.rows[0][1] == ("=SUM(A1)", "+46 70")
    assert table.rows[1][1] == ("'plain", "x")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        bytes(range(256)) * 4,
    ],
)
def test_binary_files_are_not_csv(data: bytes) -> None:
    with pytest.raises(NotACsvFile, match="not a CSV file"):
        read(data)


def test_empty_files() -> None:
    for data in (b"", b"\n\n  \n", codecs.BOM_UTF8):
        with pytest.raises(NotACsvFile, match="empty"):
            read(data)
