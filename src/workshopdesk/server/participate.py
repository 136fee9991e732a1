"""Phones taking part: the write routes and each phone's own view.

Routes (after the token; any letter case):

- ``POST JOIN``          ``{"name": "...", "team": "<team id>"}`` or ``{}`` (anonymous)
- ``POST P/<NO>/IDEAS``  ``{"text": "...", "request": "<the phone's id for this send>"}``
- ``POST DOTS``          ``{"solution": "<solution id>", "on": true|false}``
- ``POST DONE``          ``{}``
- ``GET ME.JSON``        this phone: its name, its ideas and their state, its dots

A phone is known by a random id in an HttpOnly, SameSite=Strict cookie scoped to the join
path; the file keeps only a digest of it. Every write needs that cookie (set by JOIN), a
JSON body of at most 4 KB, and an ``Origin`` naming this laptop. Refusals are a sentence
the phone shows (``{"error": "..."}``). Each command goes to the one writer with the phone
as its origin; the answer comes after it is saved.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from aiohttp import web

from workshopdesk.app.commands import Command, Edit
from workshopdesk.app.moderation import moderated
from workshopdesk.app.origin import Origin, phone
from workshopdesk.app.workspace import now
from workshopdesk.core.changes import Step
from workshopdesk.core.contact_exchange import card_of, is_open
from workshopdesk.core.entities import Attendee, IdeaState, RoundKind
from workshopdesk.core.errors import NotFoundError, WorkshopError
from workshopdesk.core.messages import Message
from workshopdesk.core.operations import phones as ops
from workshopdesk.core.participation import (
    dots_of_device,
    finished_in,
    ideas_of_device,
    is_private,
    open_round,
)
from workshopdesk.core.share_link import new_token
from workshopdesk.core.workshop import Workshop
from workshopdesk.server import quota
from workshopdesk.server.contacts import CARD_FIELDS, share_card
from workshopdesk.server.hub import BoardHub
from workshopdesk.server.quota import Quota
from workshopdesk.server.replies import SLOW_DOWN, BadBody, answer, field, json_body, refusal
from workshopdesk.server.words import workshop_language
from workshopdesk.text import Translator, error_text, render

Submit = Callable[[Command, Origin], Awaitable[Step | None]]

COOKIE = "WD_PHONE"

_COOKIE_SHAPE = re.compile(r"[A-Z2-7]{26}")
_REQUEST_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")
# What a phone's own view calls an idea's state (data, not words: the page's script says
# them in the workshop's language).
_STATE_WORDS = {
    IdeaState.WAITING: "waiting",
    IdeaState.APPROVED: "on the wall",
    IdeaState.REJECTED: "not used",
}


def device_id(cookie: str) -> str:
    """The id the file keeps for a phone: a digest of its cookie, shaped as a UUID."""
    return str(uuid.UUID(bytes=hashlib.sha256(cookie.encode("ascii")).digest()[:16]))


class Participation:
    """The write routes and the phone's own view, around the hub (for reading) and a
    ``submit`` that reaches the one writer. Refusals are sentences in the language
    ``words()`` gives (the workshop's)."""

    def __init__(
        self,
        hub: BoardHub,
        submit: Submit,
        quota_: Quota | None = None,
        *,
        words: Callable[[], Translator] | None = None,
    ) -> None:
        self.hub = hub
        self.submit = submit
        self.quota = quota_ or Quota()
        self.words = words or (lambda: workshop_language(self.hub.workshop))

    @property
    def workshop(self) -> Workshop:
        return self.hub.workshop

    def moderated(self) -> bool:
        return moderated(self.hub.settings)

    def exchange_open(self) -> bool:
        """Whether the contact exchange is open today (the laptop's calendar)."""
        return is_open(self.hub.settings, date.today())

    # -- the phone's identity ---------------------------------------------------------------
    @staticmethod
    def cookie_of(request: web.Request) -> str | None:
        value = request.cookies.get(COOKIE, "")
        return value if _COOKIE_SHAPE.fullmatch(value) else None

    def device_of(self, request: web.Request) -> str | None:
        cookie = self.cookie_of(request)
        return None if cookie is None else device_id(cookie)

    def origin(self, device: str) -> Origin:
        found = self.workshop.devices.get(device)
        return phone(device, found.name if found is not None and found.name else None)

    # -- routes -----------------------------------------------------------------------------
    async def handle(self, request: web.Request, base: str, rest: list[str]) -> web.StreamResponse:
        """A write (POST) under the token; ``rest`` is the path after it, upper-cased."""
        tr = self.words()
        try:
            body = await json_body(request)
        except BadBody:
            return refusal(400, tr.gettext("That request is malformed."))
        address = request.remote or "?"
        try:
            if rest == ["JOIN"]:
                return await self._join(request, base, address, body)
            device = self.device_of(request)
            if device is None or device not in self.workshop.devices:
                return refusal(403, render(Message("refused.join_first"), tr))
            if len(rest) == 3 and rest[0] == "P" and rest[2] == "IDEAS" and rest[1].isdigit():
                return await self._idea(device, int(rest[1]), body)
            if rest == ["DOTS"]:
                return await self._dot(device, body)
            if rest == ["DONE"]:
                return await self._done(device)
            if rest == ["CARD"]:
                return await share_card(self, device, body)
        except BadBody:
            return refusal(400, tr.gettext("That request is malformed."))
        except NotFoundError as error:
            return refusal(404, error_text(error, tr))
        except WorkshopError as error:
            return refusal(409, error_text(error, tr))
        return refusal(404, tr.gettext("There is nothing to send here."))

    async def _join(
        self, request: web.Request, base: str, address: str, body: dict[str, Any]
    ) -> web.StreamResponse:
        if not self.quota.allow("join", address, quota.JOIN):
            return refusal(
                429,
                self.words().gettext("Too many joins from this network address; wait a minute."),
            )
        name = field(body, "name", str, "")
        team = field(body, "team", str, None)
        if team == "":
            team = None
        cookie = self.cookie_of(request) or new_token()  # 128 random bits
        device = device_id(cookie)
        origin = phone(device, name.strip() or None)
        stamp = now()
        await self.submit(
            Edit(lambda ws: ops.join(ws, device, stamp, name=name, team_id=team)), origin
        )
        response = answer(200, self.me(device))
        response.set_cookie(
            COOKIE, cookie, path=base, httponly=True, samesite="Strict", max_age=60 * 60 * 24 * 30
        )
        return response

    async def _idea(self, device: str, number: int, body: dict[str, Any]) -> web.StreamResponse:
        problem = self.workshop.problem_by_number(number)
        if problem is None:
            return refusal(404, self.words().gettext("This problem is no longer on the board."))
        text = field(body, "text", str)
        request_id = field(body, "request", str, "")
        if text is None or (request_id and not _REQUEST_SHAPE.fullmatch(request_id)):
            raise BadBody
        if not self.quota.allow("idea", device, quota.IDEA):
            return refusal(
                429,
                self.words().gettext("That is a lot of ideas at once: wait a moment, then send."),
            )
        moderated, stamp, problem_id = self.moderated(), now(), problem.id
        await self.submit(
            Edit(
                lambda ws: ops.send_idea(
                    ws, device, problem_id, text, stamp, request_id=request_id, moderated=moderated
                )
            ),
            self.origin(device),
        )
        return answer(200, self.me(device))

    async def _dot(self, device: str, body: dict[str, Any]) -> web.StreamResponse:
        solution = field(body, "solution", str)
        on = field(body, "on", bool)
        if solution is None or on is None:
            raise BadBody
        if not self.quota.allow("dot", device, quota.DOT):
            return refusal(429, self.words().gettext(SLOW_DOWN))
        await self.submit(
            Edit(lambda ws: ops.set_dot(ws, device, solution, on)), self.origin(device)
        )
        return answer(200, self.me(device))

    async def _done(self, device: str) -> web.StreamResponse:
        if not self.quota.allow("done", device, quota.DONE):
            return refusal(429, self.words().gettext(SLOW_DOWN))
        await self.submit(Edit(lambda ws: ops.mark_finished(ws, device)), self.origin(device))
        return answer(200, self.me(device))

    # -- the phone's own view -----------------------------------------------------------------
    def me_response(self, request: web.Request) -> web.Response:
        device = self.device_of(request)
        return answer(200, self.me(device))

    def me(self, device: str | None) -> dict[str, Any]:
        """What this phone may see of itself (and nothing of any other phone)."""
        ws = self.workshop
        found = ws.devices.get(device) if device is not None else None
        if found is None or device is None:
            return {"joined": False, "moderated": self.moderated()}
        numbers = {p.id: p.number for p in ws.problems.values()}
        ideas = [
            {
                "number": i.number,
                "problem": numbers.get(i.problem_id),
                "text": i.text,
                "state": _STATE_WORDS[i.state],
                "private": is_private(ws, i),
            }
            for i in ideas_of_device(ws, device)
        ]
        round_ = open_round(ws)
        mine: list[str] = []
        left = None
        done = False
        if round_ is not None:
            done = device in finished_in(ws, round_.id)
            if round_.round_kind is RoundKind.VOTE:
                mine = [d.solution_id for d in dots_of_device(ws, round_.id, device)]
                left = max(0, round_.dots - len(mine))
        return {
            "joined": True,
            "blocked": found.blocked,
            "name": found.name,
            "team": found.team_id,
            "moderated": self.moderated(),
            "ideas": ideas,
            "dots": mine,
            "dots_left": left,
            "done": done,
            "card": _card(card_of(ws, device)) if self.exchange_open() else None,
        }


def _card(attendee: Attendee | None) -> dict[str, str] | None:
    """The phone's own shared card, to show and change it (never anyone else's)."""
    if attendee is None:
        return None
    return {name: getattr(attendee, name) for name in CARD_FIELDS}
