"""An import-linter contract for the parts of an outside package (PySide6's QtGui and
QtWidgets) that only some of our packages may import directly.

import-linter sees an outside package as one module (``PySide6``), so its own contracts can
forbid Qt as a whole but not one Qt module. This contract reads the recorded import lines
instead: ``from PySide6.QtWidgets import QLabel``, ``import PySide6.QtGui`` and
``from PySide6 import QtGui`` all name the module. Imports inside functions and
``TYPE_CHECKING`` blocks count as any other. A line it cannot read (a parenthesised
``from PySide6 import (`` list) breaks the contract rather than passing unseen.

Configured in pyproject.toml (``contract_types``), for example::

    [[tool.importlinter.contracts]]
    name = "QtWidgets only in gui"
    type = "outside_modules"
    package = "PySide6"
    modules = ["QtWidgets"]
    allowed_importers = ["workshopdesk.gui"]
"""

from __future__ import annotations

import re

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain import helpers

_IMPORT_FROM = re.compile(r"^\s*from\s+(?P<package>[\w.]+)\s+import\s+(?P<names>.*)$")


def named_modules(package: str, line: str) -> set[str] | None:
    """The submodules of ``package`` an import line names; None when the line cannot tell."""
    names = set(re.findall(rf"\b{re.escape(package)}\.(\w+)", line))
    found = _IMPORT_FROM.match(line.split("#", 1)[0])
    if found and found["package"] == package:
        listed = found["names"].strip().strip("()\\").strip()
        if not listed:
            return None
        names |= {part.split()[0] for part in listed.split(",") if part.strip()}
    return names


class OutsideModulesContract(Contract):
    """Only ``allowed_importers`` (and what is inside them) import ``package``'s ``modules``."""

    type_name = "outside_modules"

    package = fields.StringField()
    modules = fields.ListField(subfield=fields.StringField())
    allowed_importers = fields.ListField(subfield=fields.ModuleExpressionField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        package = str(self.package)
        forbidden = {str(name) for name in self.modules}
        allowed = {
            module.name
            for module in helpers.module_expressions_to_modules(
                graph,
                self.allowed_importers,
                as_packages=True,
            )
        }
        broken: list[dict[str, object]] = []
        for importer in sorted(graph.find_modules_that_directly_import(package)):
            if importer in allowed or graph.is_module_squashed(importer):
                continue
            for detail in graph.get_import_details(importer=importer, imported=package):
                line = str(detail["line_contents"])
                names = named_modules(package, line)
                if names is None or names & forbidden:
                    broken.append(
                        {
                            "importer": importer,
                            "line_number": detail["line_number"],
                            "line_contents": line,
                            "modules": sorted(names & forbidden) if names else ["(unreadable)"],
                        }
                    )
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        package = str(self.package)
        for item in check.metadata["broken"]:
            modules = ", ".join(f"{package}.{name}" for name in item["modules"])
            output.print_error(f"{item['importer']} is not allowed to import {modules}:")
            output.new_line()
            output.indent_cursor()
            output.print_error(
                f"{item['importer']} (l.{item['line_number']}): {item['line_contents']}",
                bold=False,
            )
            output.new_line()
