"""PySide6's look at every module imported after it, made cheap.

PySide6 hooks Python's imports: the first time any module is imported after Qt (ours, the
standard library's, Babel's), it asks whether the module's source mentions "PySide6", to
know whether the module may switch on PySide's optional features (``from __feature__
import snake_case``). It asks through ``inspect.getsource``, which decodes the file, splits
it into lines and keeps them all in memory: about a tenth of the window's start, more for
the phone server's many modules. The same question is answered here by reading the file's
bytes. Where PySide asks no such question (another version), nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (Qt's first module installs the hook)

FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def quicker_source_check() -> bool:
    """Answer PySide's question by reading bytes; ``True`` if PySide asks it here."""
    for name in FEATURE_MODULES:
        feature = sys.modules.get(name)
        original = getattr(feature, "_mod_uses_pyside", None)
        if feature is not None and callable(original):
            if not getattr(original, "reads_bytes", False):
                feature._mod_uses_pyside = _reading_bytes(original)  # type: ignore[attr-defined]
            return True
    return False


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built in, compiled or bundled: PySide's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside
