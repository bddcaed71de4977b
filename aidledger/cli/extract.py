"""``aidledger extract`` and ``aidledger schema``: run extraction on files and print what it finds, or its schema."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from pydantic import TypeAdapter
from rich.table import Table

from aidledger.cli import app
from aidledger.cli.batch import Batch
from aidledger.cli.options import (
    AMOUNT_RANGE,
    INPUTS_HELP,
    LANG,
    AMOUNTS_EPILOG,
    FOCUS,
    MAX_BYTES,
    PUBLISHED,
    QUIET,
    TIMEOUT,
    TRIAGE,
    limits,
    parse_date,
    parse_lang,
)
from aidledger.cli.output import cell, out
from aidledger.schema import Extraction


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
            values = (
                Path(result.id).name,
                c.donor or "?",
                c.recipient or "?",
                _amount(c.amount, c.currency),
                c.aid_type,
                c.mechanism or "—",
                c.stage,
                c.date or "—",
                c.evidence.text[:200],
            )
            table.add_row(*map(cell, values))
    return table


#: One JSON array of extractions, written by pydantic: never NaN or Infinity, always valid JSON.
_RESULTS = TypeAdapter(list[Extraction])


@app.command("extract", epilog=AMOUNTS_EPILOG)
def extract_command(
    paths: list[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    published: str | None = PUBLISHED,
    lang: str = LANG,
    output_format: OutputFormat = typer.Option(
        OutputFormat.jsonl, "--format", help="jsonl (one line per document), json or table."
    ),
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    amount_range: tuple[float, float] = AMOUNT_RANGE,
    triage: bool = TRIAGE,
    focus: bool = FOCUS,
    quiet: bool = QUIET,
) -> None:
    """Extract aid commitments, quotes and entities from articles and print them."""
    batch = Batch()
    collected: list[Extraction] = []
    results = batch.extract(
        paths,
        parse_lang(lang),
        parse_date(published),
        max_bytes,
        limits(timeout, amount_range),
        quiet,
        triage=triage,
        focused=focus,
    )
    for result in results:
        if output_format is OutputFormat.jsonl:
            sys.stdout.write(result.model_dump_json() + "\n")
            sys.stdout.flush()
        else:
            collected.append(result)
    if output_format is OutputFormat.json:
        sys.stdout.write(_RESULTS.dump_json(collected, indent=2).decode("utf-8") + "\n")
    elif output_format is OutputFormat.table:
        out().print(_table(collected))
    if batch.failed:
        raise typer.Exit(code=1)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the records `aidledger extract` writes."""
    from aidledger.schema import json_schema

    sys.stdout.write(json_schema())
