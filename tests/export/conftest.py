"""Fixtures for the export tests: the demo workshop with its shipped, stable ids."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshopdesk.core.workshop import Workshop
from workshopdesk.export.json_format import loads
from workshopdesk.resources import resource
from workshopdesk.store.workshop_file import Mode, WorkshopFile

GOLDEN = Path(__file__).parent / "golden"
SHARE = {
    "share.token": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "share.host": "192.168.1.23",
    "share.port": "8765",
}


def stable_demo() -> Workshop:
    return loads(resource("demo", "sales-x-development.json").read_bytes())


@pytest.fixture
def demo() -> Workshop:
    return stable_demo()


@pytest.fixture
def stable_demo_path(tmp_path: Path) -> Path:
    """The demo on disk with its shipped ids and saved sharing settings."""
    path = tmp_path / "stable-demo.workshop"
    WorkshopFile.create(path, stable_demo())
    with WorkshopFile.open(path, Mode.WRITE) as file:
        file.set_settings(dict(SHARE))
    return path


def golden(name: str, actual: str) -> str:
    """The reference text for ``name``; ``UPDATE_GOLDEN=1`` rewrites it from ``actual``."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
    return path.read_bytes().decode("utf-8")


@pytest.fixture(autouse=True)
def _widgets_application(qapp: object) -> None:
    """pytest-qt's QApplication, made before any exporter would make a bare
    QGuiApplication (on which a later widget test could not run)."""
