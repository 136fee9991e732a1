.PHONY: setup run test test-fast lint installer mutation mutation-report

setup:
	@bash scripts/setup.sh

# Opens the window on a fresh copy of the built-in demo workshop.
run: setup
	.venv/bin/workshopdesk --demo

# Every check: lint, types, the import layering, the whole test suite (slow tests included).
test: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	.venv/bin/lint-imports
	.venv/bin/python -m pytest

# The same without the slow end-to-end tests, for daily work.
test-fast: setup
	.venv/bin/ruff check .
	.venv/bin/mypy
	.venv/bin/lint-imports
	.venv/bin/python -m pytest -m "not slow"

# The installer for this platform, in dist/ (Linux: a .tar.gz with install.sh; see docs/installing.md).
installer: setup
	.venv/bin/python installer/build.py

lint:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

# Mutation testing of core/, app/ and store/ (not part of `make test`; tens of minutes): every
# rule changed one way at a time must make a fast test of those layers fail. Niced, as it keeps
# both cores busy. `make mutation MUTANTS='workshopdesk.core.history*'` checks one module again.
# Without MUTANTS a run keeps the verdicts of code that did not change since the last one and
# judges the rest; `rm -rf mutants` first judges everything anew.
mutation: setup
	PATH="$(CURDIR)/.venv/bin:$$PATH" nice -n 19 .venv/bin/mutmut run $(MUTANTS)
	.venv/bin/python scripts/mutation_report.py

mutation-report:
	.venv/bin/python scripts/mutation_report.py --survivors
