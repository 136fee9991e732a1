"""Messages as the logs show them, and errors that carry them."""

from __future__ import annotations

from workshopdesk.core.errors import ValidationError, WorkshopError
from workshopdesk.core.messages import Message
from workshopdesk.text import error_text


def test_a_log_shows_the_id_and_the_parameters() -> None:
    assert str(Message("error.last_column")) == "error.last_column"
    assert str(Message("error.too_long", {"what": "x", "length": 3})) == (
        "error.too_long(what='x', length=3)"
    )
    nested = Message("error.empty", {"what": Message("field.tag"), "n": 1})
    assert str(nested) == "error.empty(what=field.tag, n=1)"


def test_words_given_as_they_are_stay_as_they_are() -> None:
    words = Message.verbatim("The projector is off.")
    assert words == Message("text", {"text": "The projector is off."})
    assert str(words) == "The projector is off."


def test_an_error_keeps_its_message_and_shows_it() -> None:
    message = Message("error.last_column")
    error = ValidationError(message)
    assert error.message is message
    assert str(error) == "error.last_column"
    assert error.args == (message,)
    assert error_text(error) == "The board needs at least one column."
    plain = WorkshopError("The projector is off.")
    assert plain.message == Message.verbatim("The projector is off.")
    assert str(plain) == "The projector is off." and error_text(plain) == str(plain)
    assert plain.args == (plain.message,)
