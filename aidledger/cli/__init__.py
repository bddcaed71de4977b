"""The ``aidledger`` command line: thin commands over the Python API and the ledger."""

from __future__ import annotations

import typer

import aidledger

app = typer.Typer(
    name="aidledger",
    help="Read news about international aid; extract, store and report every commitment.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"aidledger {aidledger.__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version, help="Print the version and exit."
    ),
) -> None:
    """Read news about international aid; extract, store and report every commitment."""


def _register() -> None:
    from aidledger.cli import (
        evaluate,  # noqa: F401  (commands register themselves on `app`)
        extract,  # noqa: F401
        ledger,  # noqa: F401
        quotes,  # noqa: F401
        serve,  # noqa: F401
        watch,  # noqa: F401
    )


def main() -> None:
    """Entry point of the ``aidledger`` script."""
    _register()
    app()
