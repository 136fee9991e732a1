"""Entities to table rows and back."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from dataclasses import fields
from enum import StrEnum
from typing import Any

from workshopdesk.core import entities
from workshopdesk.core.entities import ENTITY_TYPES, Entity
from workshopdesk.store.schema import TABLES

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


def _codecs(annotation: str) -> tuple[Encoder, Decoder]:
    if annotation.startswith("tuple["):
        return (lambda v: json.dumps(list(v), ensure_ascii=False)), (
            lambda v: tuple(json.loads(v)) if v else ()
        )
    if annotation == "bool":
        return int, bool
    cls = getattr(entities, annotation, None)
    if isinstance(cls, type) and issubclass(cls, StrEnum):
        return (lambda v: v.value), cls
    return (lambda v: v), (lambda v: v)


class _Mapping:
    def __init__(self, cls: type[Entity]) -> None:
        self.cls = cls
        self.table = TABLES[cls.kind]
        hints = {f.name: f.type for f in fields(cls)}
        self.names = tuple(hints)
        self.encoders = {name: _codecs(str(hint))[0] for name, hint in hints.items()}
        self.decoders = tuple(_codecs(str(hint))[1] for hint in hints.values())
        columns = ", ".join(f'"{n}"' for n in self.names)
        marks = ", ".join("?" for _ in self.names)
        sets = ", ".join(f'"{n}" = ?' for n in self.names if n != "id")
        self.select = f'SELECT {columns} FROM "{self.table}"'
        self.select_one = f"{self.select} WHERE id = ?"
        self.insert = f'INSERT INTO "{self.table}" ({columns}) VALUES ({marks})'
        self.update = f'UPDATE "{self.table}" SET {sets} WHERE id = ?'
        self.delete = f'DELETE FROM "{self.table}" WHERE id = ?'

    def values(self, entity: Entity) -> tuple[Any, ...]:
        return tuple(self.encoders[n](getattr(entity, n)) for n in self.names)

    def update_values(self, entity: Entity) -> tuple[Any, ...]:
        values = dict(zip(self.names, self.values(entity), strict=True))
        entity_id = values.pop("id")
        return (*values.values(), entity_id)

    def entity(self, row: typing.Sequence[Any]) -> Entity:
        return self.cls(*(decode(v) for decode, v in zip(self.decoders, row, strict=True)))


MAPPINGS: dict[str, _Mapping] = {cls.kind: _Mapping(cls) for cls in ENTITY_TYPES}
