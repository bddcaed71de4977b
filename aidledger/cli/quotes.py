"""``aidledger quotes PATH...``: the quotations of articles and who said them, as a table."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from aidledger.cli import app
from aidledger.cli.batch import Batch
from aidledger.cli.options import INPUTS_HELP, LANG, LIMITS_EPILOG, MAX_BYTES, QUIET, TIMEOUT, limits, parse_lang
from aidledger.cli.output import cell, out
from aidledger.limits import DEFAULT_AMOUNT_RANGE
from aidledger.schema import Extraction


def _table(result: Extraction) -> Table:
    """One table per document: people who only want the quotes read them without JSON."""
    table = Table(title=cell(f"Quotes in {result.id}"), show_lines=True)
    for column, ratio in (("speaker", 2), ("role", 2), ("quote", 6)):
        table.add_column(column, overflow="fold", ratio=ratio)
    for q in result.quotes:
        role = ", ".join(x for x in (q.role, q.affiliation) if x) or "—"
        table.add_row(cell(q.speaker or "?"), cell(role), cell(q.quote))
    return table


@app.command("quotes", epilog=LIMITS_EPILOG)
def quotes_command(
    paths: list[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    lang: str = LANG,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    quiet: bool = QUIET,
) -> None:
    """Print each document's quotations with speaker and role."""
    batch = Batch()
    console = out()
    for result in batch.extract(
        paths, parse_lang(lang), max_bytes=max_bytes, limits=limits(timeout, DEFAULT_AMOUNT_RANGE), quiet=quiet
    ):
        console.print(_table(result))
    if batch.failed:
        raise typer.Exit(code=1)
