"""Every text the program shows has its Swedish translation, with the same placeholders."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def catalogue_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "catalogue_script", ROOT / "scripts" / "catalogue.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_text_the_program_shows_has_a_swedish_translation() -> None:
    from babel.messages.pofile import read_po

    script = catalogue_script()
    template = script.extract()
    with (ROOT / "resources" / "locale" / "sv.po").open("rb") as stream:
        swedish = read_po(stream, locale="sv")
    missing = []
    for message in template:
        if not message.id:
            continue
        found = swedish.get(message.id, context=message.context)
        if found is None or not script._translated(found):
            missing.append(f"{message.context or ''}: {message.id!r} ({message.locations[0][0]})")
    assert len([m for m in template if m.id]) > 1000
    assert missing == [], f"{len(missing)} texts have no Swedish translation:\n" + "\n".join(
        missing[:40]
    )
