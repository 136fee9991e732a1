"""The workshop domain: entities, rules, validation, operations and the undo history.

Standard library only: no Qt, no SQLite. Everything else builds on this package.
"""
