"""Messages as ids with parameters: the core names what happened, the edge says it.

Nothing in the core or the store builds a sentence. An error or an undo label carries a
:class:`Message` (``Message("error.too_long", {"what": ..., "length": 120, ...})``) and
the window, the command line, the phone server and the exports turn it into words in
their reader's language (``workshopdesk.text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

VERBATIM = "text"
"""The id of a message whose only parameter, ``text``, is the words themselves."""

Param: TypeAlias = "str | int | Message"
"""A parameter: a name or number to fill in, or a message of its own (a field's name)."""


@dataclass(frozen=True, slots=True)
class Message:
    """A message id (``"error.title_too_long"``, ``"add_team"``) and its named parameters."""

    msgid: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @classmethod
    def verbatim(cls, text: str) -> Message:
        """Words already in the reader's language, composed where they are shown."""
        return cls(VERBATIM, {"text": text})

    def __str__(self) -> str:
        """The id and parameters, for logs (never shown to a facilitator)."""
        if self.msgid == VERBATIM:
            return str(self.params["text"])
        if not self.params:
            return self.msgid
        inner = ", ".join(
            f"{key}={value if isinstance(value, Message) else repr(value)}"
            for key, value in self.params.items()
        )
        return f"{self.msgid}({inner})"
