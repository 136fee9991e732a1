"""A copy of a workshop with fresh ids, for workshops made from a template or the demo.

Two workshops made from one template must not share ids: calendar entries and phone
links are keyed on them.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from workshopdesk.core.entities import (
    Attendee,
    CheckIn,
    Entity,
    FollowUp,
    Problem,
    Solution,
)
from workshopdesk.core.workshop import Workshop


def rekeyed(ws: Workshop) -> Workshop:
    fresh: dict[str, str] = {e.id: str(uuid.uuid4()) for e in ws.entities()}

    def ref(value: str | None) -> str | None:
        return None if value is None else fresh[value]

    def refs(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(fresh[v] for v in values)

    def renew(entity: Entity) -> Entity:
        entity = replace(entity, id=fresh[entity.id])
        match entity:
            case Attendee():
                return replace(entity, team_id=ref(entity.team_id))
            case Problem():
                return replace(
                    entity, column_id=fresh[entity.column_id], team_ids=refs(entity.team_ids)
                )
            case Solution():
                return replace(
                    entity,
                    problem_id=fresh[entity.problem_id],
                    proposer_id=ref(entity.proposer_id),
                    team_ids=refs(entity.team_ids),
                )
            case FollowUp():
                return replace(
                    entity, problem_id=fresh[entity.problem_id], owner_id=ref(entity.owner_id)
                )
            case CheckIn():
                return replace(entity, reviewed=refs(entity.reviewed))
        return entity

    info = renew(ws.info)
    return Workshop(info, (renew(e) for e in ws.entities()[1:]))  # type: ignore[arg-type]
