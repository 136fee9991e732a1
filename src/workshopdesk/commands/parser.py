"""argparse in the interface's language: its headings, its help lines and its errors.

argparse writes its own words ("usage:", "options", "the following arguments are
required: …") in English. The parser below names its headings and its help and version
options itself, and puts argparse's error messages, which arrive as finished English
sentences, back into the words of our catalogue: each known message is recognised by its
pattern and rewritten from its parts. The patterns cover argparse of Python 3.11 to 3.13;
a message none of them knows is left as argparse wrote it.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

from workshopdesk.text.ui import N_, _, ngettext

_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), text)
    for pattern, text in (
        (r"unrecognized arguments: (?P<arguments>.*)", N_("unrecognized arguments: {arguments}")),
        (
            r"the following arguments are required: (?P<arguments>.*)",
            N_("the following arguments are required: {arguments}"),
        ),
        (
            r"one of the arguments (?P<arguments>.*) is required",
            N_("one of the arguments {arguments} is required"),
        ),
        (
            r"not allowed with argument (?P<argument>.*)",
            N_("not allowed with argument {argument}"),
        ),
        (
            r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
            N_("invalid choice: {value} (choose from {choices})"),
        ),
        (
            r"invalid (?P<type>\S+) value: (?P<value>.*)",
            N_("invalid {type} value: {value}"),
        ),
        (r"expected one argument", N_("expected one argument")),
        (r"expected at most one argument", N_("expected at most one argument")),
        (r"expected at least one argument", N_("expected at least one argument")),
        (r"ignored explicit argument (?P<value>.*)", N_("ignored explicit argument {value}")),
        (
            r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
            N_("ambiguous option: {option} could match {matches}"),
        ),
        (r"unexpected option string: (?P<option>.*)", N_("unexpected option string: {option}")),
    )
)
"""argparse's messages (as it writes them in English) and ours, with the same parts."""

_ARGUMENT = re.compile(r"argument (?P<argument>\S+): (?P<message>.*)", re.DOTALL)
_EXPECTED = re.compile(r"expected (?P<count>\d+) arguments?")


def message(text: str) -> str:
    """argparse's English ``text`` in the interface's language (unchanged in English)."""
    argument = _ARGUMENT.fullmatch(text)
    if argument is not None:
        return _("argument {argument}: {message}").format(
            argument=argument["argument"], message=message(argument["message"])
        )
    expected = _EXPECTED.fullmatch(text)
    if expected is not None:
        count = int(expected["count"])
        return ngettext("expected {count} argument", "expected {count} arguments", count).format(
            count=count
        )
    for pattern, words in _MESSAGES:
        found = pattern.fullmatch(text)
        if found is not None:
            return _(words).format(**found.groupdict())
    return text


def see_help(where: str, text: str) -> str:
    """A usage error in one line, with where to read more."""
    return _("{where}: {message} (see: {where} --help)").format(where=where, message=text)


class _Usage(argparse.HelpFormatter):
    """A help formatter whose usage line starts with the interface's word for "usage"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


_FORMATTERS: dict[type[argparse.HelpFormatter], type[argparse.HelpFormatter]] = {}


def _translated(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``formatter`` (e.g. argparse's RawDescriptionHelpFormatter) with our usage word."""
    if issubclass(formatter, _Usage):
        return formatter
    if formatter not in _FORMATTERS:
        _FORMATTERS[formatter] = type(formatter.__name__, (_Usage, formatter), {})
    return _FORMATTERS[formatter]


class Parser(argparse.ArgumentParser):
    """argparse in the interface's language; a usage error is one line (with where to read
    more) and exit 2."""

    def __init__(
        self,
        *args: Any,
        formatter_class: type[argparse.HelpFormatter] = argparse.HelpFormatter,
        add_help: bool = True,
        **kwargs: Any,
    ) -> None:
        kwargs.update(formatter_class=_translated(formatter_class), add_help=False)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=_("show this help message and exit"),
            )

    def add_version(self, version: str) -> None:
        self.add_argument(
            "--version",
            action="version",
            version=version,
            help=_("show program's version number and exit"),
        )

    def error(self, message_: str) -> NoReturn:
        self.exit(2, see_help(self.prog, message(message_)) + "\n")
