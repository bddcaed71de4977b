"""The ``aidledger`` command line: thin commands over the Python API and the ledger."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="aidledger",
    help="Read news about international aid; extract, store and report every commitment.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from aidledger.cli import (
        evaluate,  # noqa: F401  (commands register themselves on `app`)
        extract,  # noqa: F401
        ledger,  # noqa: F401
        quotes,  # noqa: F401
        serve,  # noqa: F401
    )


def main() -> None:
    """Entry point of the ``aidledger`` script."""
    _register()
    app()
