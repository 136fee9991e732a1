"""One module per command: each has ``register(subparsers)``."""


class UsageError(Exception):
    """Wrong usage found after parsing; exits 2 like argparse's own errors."""
