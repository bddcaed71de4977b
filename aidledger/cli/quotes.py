"""``aidledger quotes PATH...``: the quotations of articles and who said them, as a table."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

import aidledger
from aidledger.cli import app
from aidledger.cli.options import parse_lang
from aidledger.ingest.readers import ReadError, read_paths
from aidledger.schema import Extraction

err = Console(stderr=True)


def _table(result: Extraction) -> Table:
    """One table per document: people who only want the quotes read them without JSON."""
    table = Table(title=f"Quotes in {result.id}", show_lines=True)
    for column, ratio in (("speaker", 2), ("role", 2), ("quote", 6)):
        table.add_column(column, overflow="fold", ratio=ratio)
    for q in result.quotes:
        role = ", ".join(x for x in (q.role, q.affiliation) if x) or "—"
        table.add_row(q.speaker or "?", role, q.quote)
    return table


@app.command("quotes")
def quotes_command(
    paths: list[Path] = typer.Argument(..., help="Files to read: .txt, .html, .jsonl (a folder is read recursively)."),
    lang: str = typer.Option("auto", help="Language of the inputs: fr, en, ... or auto to detect it per document."),
) -> None:
    """Print each document's quotations with speaker and role."""
    failed = 0

    def documents():
        nonlocal failed
        for item in read_paths(paths, lang=parse_lang(lang)):
            if isinstance(item, ReadError):
                failed += 1
                err.print(f"[red]error[/red]: {item}", highlight=False)
            else:
                yield item

    console = Console()
    for result in aidledger.extract_documents(documents()):
        console.print(_table(result))
    if failed:
        raise typer.Exit(code=1)
