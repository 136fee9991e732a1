"""Entities to table rows and back."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from dataclasses import fields
from enum import StrEnum
from functools import lru_cache
from typing import Any

from workshopdesk.core import entities
from workshopdesk.core.entities import ENTITY_TYPES, Entity
from workshopdesk.store.schema import TABLES

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


@lru_cache(maxsize=8192)
def _decode_list(value: str | None) -> tuple[str, ...]:
    """Lists of ids and tags repeat a lot across rows: decode each distinct text once."""
    return tuple(json.loads(value)) if value else ()


def _identity(value: Any) -> Any:
    return value


def _codecs(annotation: str) -> tuple[Encoder, Decoder | None]:
    """How to write a field to a row and read it back (None: the value is used as it is)."""
    if annotation.startswith("tuple["):
        return (lambda v: json.dumps(list(v), ensure_ascii=False)), _decode_list
    if annotation == "bool":
        return int, bool
    cls = getattr(entities, annotation, None)
    if isinstance(cls, type) and issubclass(cls, StrEnum):
        return (lambda v: v.value), cls._value2member_map_.__getitem__
    return _identity, None


class _Mapping:
    def __init__(self, cls: type[Entity]) -> None:
        self.cls = cls
        self.table = TABLES[cls.kind]
        hints = {f.name: f.type for f in fields(cls)}
        self.names = tuple(hints)
        self.encoders = {name: _codecs(str(hint))[0] for name, hint in hints.items()}
        self.decoders = tuple(
            (index, decoder)
            for index, hint in enumerate(hints.values())
            if (decoder := _codecs(str(hint))[1]) is not None
        )
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
        """The values for :attr:`update`: every field but the id, then the id (every
        entity's first field)."""
        entity_id, *values = self.values(entity)
        return (*values, entity_id)

    def entity(self, row: typing.Sequence[Any]) -> Entity:
        values = list(row)
        for index, decode in self.decoders:
            values[index] = decode(values[index])
        return self.cls(*values)


def mappings() -> dict[str, _Mapping]:
    """How each kind of entity is written to its table and read back, parents before
    children. Built for each open file (a fraction of a millisecond), so what is written
    is always derived from the entities as they are."""
    return {cls.kind: _Mapping(cls) for cls in ENTITY_TYPES}
