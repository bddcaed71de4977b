"""``aidledger extract``: run extraction on files and print what it finds."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

import aidledger
from aidledger.cli import app
from aidledger.cli.options import parse_date, parse_lang
from aidledger.ingest.readers import DEFAULT_MAX_BYTES, ReadError, read_paths
from aidledger.schema import Extraction

err = Console(stderr=True, soft_wrap=True)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _amount(value: float | None, currency: str | None) -> str:
    """An amount for people: "425 M USD", "3.2 bn NOK"."""
    if value is None:
        return "—"
    for scale, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if value >= scale:
            return f"{value / scale:,.4g} {suffix} {currency or ''}".strip()
    return f"{value:,.0f} {currency or ''}".strip()


def _table(results: list[Extraction]) -> Table:
    table = Table(title="Aid commitments", show_lines=True)
    for column in ("doc", "donor", "recipient", "amount", "type", "mechanism", "stage", "date"):
        table.add_column(column, no_wrap=True)
    table.add_column("evidence", overflow="fold", min_width=40)
    for result in results:
        for c in result.commitments:
            table.add_row(
                Path(result.id).name,
                c.donor or "?",
                c.recipient or "?",
                _amount(c.amount, c.currency),
                c.aid_type,
                c.mechanism or "—",
                c.stage,
                str(c.date or "—"),
                c.evidence.text[:200],
            )
    return table


@app.command("extract")
def extract_command(
    paths: list[Path] = typer.Argument(..., help="Files to read: .txt, .html, .jsonl (a folder is read recursively)."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that carry none."),
    lang: str = typer.Option("auto", help="Language of the inputs: fr, en, ... or auto to detect it per document."),
    output_format: OutputFormat = typer.Option(
        OutputFormat.jsonl, "--format", help="jsonl (one line per document), json or table."
    ),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Skip a document larger than this many bytes."),
) -> None:
    """Extract aid commitments, quotes and entities from articles and print them."""
    failed = 0
    collected: list[Extraction] = []

    def documents():
        nonlocal failed
        for item in read_paths(paths, lang=parse_lang(lang), published=parse_date(published), max_bytes=max_bytes):
            if isinstance(item, ReadError):
                failed += 1
                err.print(f"[red]error[/red]: {escape(str(item))}", highlight=False)
            else:
                yield item

    def failed_on(document, exc: Exception) -> None:
        nonlocal failed
        failed += 1
        err.print(
            f"[red]error[/red]: {escape(document.source or document.id)}: extraction failed: {escape(str(exc))}",
            highlight=False,
        )

    for result in aidledger.extract_documents(documents(), on_error=failed_on):
        if output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
            sys.stdout.flush()
        else:
            collected.append(result)
    if output_format is OutputFormat.json:
        sys.stdout.write(
            json.dumps([r.model_dump(mode="json") for r in collected], ensure_ascii=False, indent=2) + "\n"
        )
    elif output_format is OutputFormat.table:
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)
        console.print(_table(collected))
    if failed:
        raise typer.Exit(code=1)
