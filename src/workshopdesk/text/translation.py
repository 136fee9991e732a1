"""A language's translations, from its gettext catalogue, and its CLDR formats.

The catalogue of a language is one ``.po`` file in ``resources/locale`` (what a translator
edits); the build compiles it to ``resources/locale/<lang>/LC_MESSAGES/workshopdesk.mo``.
When only the ``.po`` is there (a source checkout before ``make setup``), it is compiled
in memory. English is the source language: its translator returns the text it is given.

A message id from the core (``error.too_long``) is translated with its id as the context
and its English template as the text (``pgettext``), so a translator sees both.
"""

from __future__ import annotations

import gettext
import io
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from workshopdesk.resources import resource
from workshopdesk.text.language import ENGLISH, PSEUDO

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "workshopdesk"


class Translator:
    """The words and formats of one language."""

    def __init__(self, language: str, catalogue: gettext.NullTranslations) -> None:
        self.language = language
        self._catalogue = catalogue

    def gettext(self, text: str) -> str:
        return self._catalogue.gettext(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalogue.ngettext(singular, plural, count)

    def pgettext(self, context: str, text: str) -> str:
        return self._catalogue.pgettext(context, text)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self._catalogue.npgettext(context, singular, plural, count)

    @property
    def locale(self) -> Locale:
        """The CLDR locale for dates, numbers and lists (English for the pseudo-language)."""
        return _locale(ENGLISH if self.language == PSEUDO else self.language)

    def date(self, value: date | datetime, form: str = "long") -> str:
        """A date as the language writes it: "11 February 2027", "11 februari 2027"."""
        from babel.dates import format_date

        return self._formatted(format_date(value, form, locale=self.locale))

    def time(self, value: datetime, form: str = "short") -> str:
        """A time of day: "09:30", "9:30 AM"."""
        from babel.dates import format_time

        return self._formatted(format_time(value, form, locale=self.locale))

    def date_time(self, value: datetime, form: str = "medium") -> str:
        from babel.dates import format_datetime

        return self._formatted(format_datetime(value, form, locale=self.locale))

    def number(self, value: float) -> str:
        """A number with the language's grouping and decimal sign: "1,000" / "1 000"."""
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        from babel.numbers import format_percent

        return format_percent(value, locale=self.locale)

    def _formatted(self, text: str) -> str:
        """A formatted date or time; in the pseudo-language marked as translated."""
        if self.language == PSEUDO:
            from workshopdesk.text.pseudo import pseudo

            return pseudo(text)
        return text

    def __repr__(self) -> str:
        return f"Translator({self.language!r})"


@cache
def translator(language: str) -> Translator:
    """The translator of ``language`` (one of :data:`~workshopdesk.text.language.LANGUAGES`,
    or the pseudo-language); a language without a catalogue speaks English."""
    if language == ENGLISH:
        return Translator(ENGLISH, gettext.NullTranslations())
    if language == PSEUDO:
        from workshopdesk.text.pseudo import PseudoTranslations

        return Translator(PSEUDO, PseudoTranslations())
    catalogue = _catalogue(language)
    if catalogue is None:
        return Translator(ENGLISH, gettext.NullTranslations())
    return Translator(language, catalogue)


def catalogue_path(language: str) -> str:
    """Where the compiled catalogue of ``language`` is, relative to the resources."""
    return f"locale/{language}/LC_MESSAGES/{DOMAIN}.mo"


def _catalogue(language: str) -> gettext.GNUTranslations | None:
    compiled = resource(*catalogue_path(language).split("/"))
    source = resource("locale", f"{language}.po")
    if compiled.is_file() and (
        not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    if not source.is_file():
        return None
    return gettext.GNUTranslations(io.BytesIO(compile_po(source.read_bytes())))


def compile_po(po: bytes) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file's contents (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po)))
    return out.getvalue()


@cache
def _locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(language)
