"""The printed exports (the PDF report, the invitation, the posters) speak the workshop's
language: read back with poppler's ``pdftotext``, the pseudo-language leaves nothing but
the facilitator's own texts untranslated, and a Swedish workshop prints in Swedish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.export.conftest import SHARE, stable_demo
from tests.export.test_golden import weeks_later
from tests.export.visible import pdf_leftovers, pdf_text
from workshopdesk import starters
from workshopdesk.core.workshop import Workshop
from workshopdesk.paint import pdf_report, posters
from workshopdesk.text import Translator, translator

PSEUDO_TR = translator("pseudo")
LOOPBACK = {**SHARE, "share.host": "127.0.0.1"}

PRINTS: dict[str, Callable[[Workshop, Translator], bytes]] = {
    "report": lambda ws, tr: pdf_report.render(ws, language=tr),
    "invitation": lambda ws, tr: pdf_report.render_invitation(ws, language=tr),
    "posters": lambda ws, tr: posters.render(ws, SHARE, language=tr),
    "posters-unshared": lambda ws, tr: posters.render(ws, {}, language=tr),
    "posters-loopback": lambda ws, tr: posters.render(ws, LOOPBACK, language=tr),
}


@pytest.mark.parametrize("name", sorted(PRINTS))
@pytest.mark.parametrize("which", ["demo", "blank"])
def test_every_printed_word_is_translated(name: str, which: str, tmp_path: Path) -> None:
    ws = weeks_later(stable_demo()) if which == "demo" else starters.template("blank")
    if which == "blank" and name.startswith("posters-"):
        pytest.skip("a workshop without problems prints one page saying so")
    text = pdf_text(PRINTS[name](ws, PSEUDO_TR), tmp_path)
    assert "⟦" in text
    assert pdf_leftovers(text, ws) == []


def test_a_swedish_report_prints_in_swedish(tmp_path: Path) -> None:
    ws = starters.demo("sv")
    text = " ".join(pdf_text(pdf_report.render(ws), tmp_path).split())
    assert "WORKSHOPRAPPORT" in text
    assert "torsdag 11 februari 2027 kl. 09:00–17:00" in text
    assert "5 av 10 problem har en överenskommen lösning" in text
    assert "6 personer · 5 föreslagna lösningar" in text
    assert "ÖVERENSKOMMEN" in text and "1 röst" in text and "9 röster" in text
    assert "Lösningar över teamgränserna" in text
    english = " ".join(pdf_text(pdf_report.render(stable_demo()), tmp_path).split())
    assert "Thursday 11 February 2027, 09:00–17:00" in english
    assert "6 people · 5 solutions proposed" in english


def test_swedish_posters_and_invitation(tmp_path: Path) -> None:
    ws = starters.demo("sv")
    text = " ".join(pdf_text(posters.render(ws, SHARE), tmp_path).split())
    assert "Problem 1" in text
    assert "Skanna för att läsa problemet och lägga till dina idéer i mobilen" in text
    assert "Berörda team: " in text
    letter = " ".join(pdf_text(pdf_report.render_invitation(ws), tmp_path).split())
    assert "DU ÄR INBJUDEN" in letter
    assert "Vårt gemensamma mål" in letter
