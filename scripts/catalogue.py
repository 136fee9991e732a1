"""The translation catalogue: extract the texts, update each language's ``.po``, compile.

    python scripts/catalogue.py update     # the texts of the source → every resources/locale/*.po
    python scripts/catalogue.py compile    # every .po → resources/locale/<lang>/LC_MESSAGES/*.mo
    python scripts/catalogue.py check      # lists what is not translated yet (exit 1 if any)
    python scripts/catalogue.py union A.po B.po -o OUT.po   # both sides' translations (a merge)

The texts come from the Python sources (``_``, ``N_``, ``ngettext``, ``pgettext``,
``npgettext`` and a translator's methods of the same names), from the phone page's script
(``T("…")``, ``TN("…", "…", n)``, ``TP("context", "…")``), from the core's message
catalogue (each with its id as the context) and from the templates and the demo (context
``template`` / ``demo``).
A translator edits only the ``.po`` file of their language, with any gettext tool.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "workshopdesk"
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "workshopdesk"
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "T": None,
    "TN": (1, 2),
    "TP": ((1, "c"), 2),
}
JSON_TEXT_FIELDS = {
    "title",
    "name",
    "goal",
    "ground_rules",
    "invitation",
    "description",
    "stalled_because",
    "text",
    "customer",
    "role",
    "venue",
    "tags",
    "outcome",
}


def extract() -> Catalog:
    """Every text the program shows, with where it is written."""
    template = Catalog(domain=DOMAIN, project="WorkshopDesk", fuzzy=False)
    for path in sorted(SOURCE.rglob("*.py")):
        for line, text, comments, context in extract_from_file(
            "python", path, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            _add(template, text, path, line, comments, context)
    for path in sorted((SOURCE / "server" / "web").glob("*.js")):
        for line, text, comments, context in extract_from_file(
            "javascript", path, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            _add(template, text, path, line, comments, context)
    sys.path.insert(0, str(ROOT / "src"))
    from workshopdesk.text.catalogue import ENGLISH, Choice, Plural

    catalogue_file = SOURCE / "text" / "catalogue.py"
    for msgid, entry in ENGLISH.items():
        texts: list[str | tuple[str, str]]
        if isinstance(entry, Plural):
            texts = [(entry.one, entry.other)]
        elif isinstance(entry, Choice):
            texts = list(entry.texts())
        else:
            texts = [entry]
        for text in texts:
            template.add(
                text, locations=[(_relative(catalogue_file), 0)], context=msgid, flags=_flags(text)
            )
    for folder, context in (("templates", "template"), ("demo", "demo")):
        for path in sorted((ROOT / "resources" / folder).glob("*.json")):
            for text in sorted(set(_json_texts(json.loads(path.read_text("utf-8"))))):
                template.add(text, locations=[(_relative(path), 0)], context=context)
    return template


def _add(
    template: Catalog,
    text: str | tuple[str, ...],
    path: Path,
    line: int,
    comments: list[str],
    context: str | None,
) -> None:
    if isinstance(text, tuple):
        if not all(text):
            return
        text = tuple(text[:2])
    elif not text:
        return
    existing = template.get(text if isinstance(text, str) else text[0], context=context)
    if existing is not None:
        existing.locations.append((_relative(path), line))
        return
    template.add(
        text,
        locations=[(_relative(path), line)],
        auto_comments=comments,
        context=context,
        flags=_flags(text),
    )


def _flags(text: str | tuple[str, ...]) -> tuple[str, ...]:
    sample = text if isinstance(text, str) else text[0]
    return ("python-brace-format",) if "{" in sample else ()


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _json_texts(value: object, key: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from _json_texts(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _json_texts(child, key)
    elif isinstance(value, str) and key in JSON_TEXT_FIELDS and value.strip():
        yield value


def languages() -> list[Path]:
    return sorted(LOCALE.glob("*.po"))


def update() -> None:
    template = extract()
    for path in languages():
        with path.open("rb") as stream:
            catalogue = read_po(stream, locale=path.stem, domain=DOMAIN)
        template.creation_date = catalogue.creation_date  # no churn in the header
        catalogue.update(template, update_header_comment=False, no_fuzzy_matching=True)
        catalogue.obsolete.clear()
        _write(catalogue, path)
        print(f"{path.relative_to(ROOT)}: {_summary(catalogue)}")


def _write(catalogue: Catalog, path: Path) -> None:
    out = io.BytesIO()
    write_po(
        out,
        catalogue,
        width=100,
        sort_output=True,
        include_previous=False,
        omit_header=False,
        include_lineno=False,
    )
    path.write_bytes(out.getvalue())


def _summary(catalogue: Catalog) -> str:
    messages = [m for m in catalogue if m.id]
    missing = [m for m in messages if not _translated(m)]
    return f"{len(messages)} messages, {len(messages) - len(missing)} translated"


def _translated(message: object) -> bool:
    string = getattr(message, "string", "")
    if getattr(message, "fuzzy", False):
        return False
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def compile_all() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from workshopdesk.text.translation import catalogue_path, compile_po

    for path in languages():
        target = LOCALE.parent / catalogue_path(path.stem)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compile_po(path.read_bytes()))


def check() -> int:
    template = extract()
    failed = 0
    for path in languages():
        with path.open("rb") as stream:
            catalogue = read_po(stream, locale=path.stem)
        for message in template:
            if not message.id:
                continue
            found = catalogue.get(message.id, context=message.context)
            if found is None or not _translated(found):
                failed += 1
                print(f"{path.name}: not translated: {message.context or ''} {message.id!r}")
    return 1 if failed else 0


def union(first: Path, second: Path, out: Path) -> None:
    """Both files' translations: where both translated one text differently, the second wins."""
    with first.open("rb") as stream:
        catalogue = read_po(stream, domain=DOMAIN)
    with second.open("rb") as stream:
        other = read_po(stream, domain=DOMAIN)
    for message in other:
        if not message.id:
            continue
        mine = catalogue.get(message.id, context=message.context)
        if mine is None:
            catalogue[message.id] = message
        elif _translated(message) and (not _translated(mine) or mine.string != message.string):
            mine.string = message.string
            mine.flags.discard("fuzzy")
    _write(catalogue, out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update")
    commands.add_parser("compile")
    commands.add_parser("check")
    merging = commands.add_parser("union")
    merging.add_argument("first", type=Path)
    merging.add_argument("second", type=Path)
    merging.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "update":
        update()
    elif args.command == "compile":
        compile_all()
    elif args.command == "check":
        return check()
    else:
        union(args.first, args.second, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
