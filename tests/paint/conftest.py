"""Painting needs a QGuiApplication (fonts); pytest-qt's ``qapp`` provides one."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _gui_application(qapp: object) -> None:
    return None
