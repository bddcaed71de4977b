"""``aidledger ingest``, ``aidledger report`` and ``aidledger export``: the ledger from the command line."""

from __future__ import annotations

import functools
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

import aidledger
from aidledger.cli import app
from aidledger.cli.options import (
    AMOUNT_RANGE,
    INPUTS_HELP,
    LANG,
    AMOUNTS_EPILOG,
    MAX_BYTES,
    PUBLISHED,
    QUIET,
    TIMEOUT,
    limits,
    parse_date,
    parse_lang,
)
from aidledger.cli.output import cell, err, error, out, progress_bar, showing, warning
from aidledger.ingest.readers import count_documents, read_paths
from aidledger.ledger import report as reports
from aidledger.ledger.db import missing_sqlite_file, read_only_location
from aidledger.ledger.export import mention_rows, package_rows, write_rows
from aidledger.ledger.ingest import IngestSummary, ingest
from aidledger.ledger.models import Package
from aidledger.ledger.store import Ledger

DB_HELP = "Ledger database: a file path or a SQLAlchemy URL (default: $AIDLEDGER_DATABASE_URL, else ./aidledger.db)."


class AidTypeOption(str, Enum):
    military = "military"
    financial = "financial"
    humanitarian = "humanitarian"
    mixed = "mixed"


class StageOption(str, Enum):
    anticipated = "anticipated"
    announced = "announced"
    delivered = "delivered"


class What(str, Enum):
    packages = "packages"
    mentions = "mentions"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    parquet = "parquet"


def _open(db: str | None, must_exist: bool = False) -> Ledger:
    """The ledger; for commands that only read it, a missing SQLite file is an error, not a new empty ledger."""
    missing = missing_sqlite_file(db) if must_exist else None
    if missing is not None:
        error(f"no ledger at {missing}: run `aidledger ingest` first, or pass --db")
        raise typer.Exit(code=2)
    try:
        return Ledger(db)
    except Exception as exc:
        read_only = read_only_location(db)
        reason = f"{read_only} is on a read-only file system" if read_only else str(exc).splitlines()[0]
        error(f"cannot open the ledger {db or ''}: {reason}")
        raise typer.Exit(code=2) from None


def _print_summary(summary: IngestSummary) -> None:
    err.print(
        f"read {summary.read}, unchanged {summary.unchanged}, stored {summary.stored}, "
        f"failed {len(summary.failures)}, new mentions {summary.new_mentions}, new packages {summary.new_packages}"
    )


@app.command("ingest", epilog=AMOUNTS_EPILOG)
def ingest_command(
    paths: list[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    published: str | None = PUBLISHED,
    lang: str = LANG,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    amount_range: tuple[float, float] = AMOUNT_RANGE,
    quiet: bool = QUIET,
) -> None:
    """Extract commitments from articles and store them in the ledger; what is already stored is skipped."""
    extractor = functools.partial(aidledger.extract_documents, limits=limits(timeout, amount_range))
    items = read_paths(paths, lang=parse_lang(lang), published=parse_date(published), max_bytes=max_bytes)
    ledger = _open(db)
    total = count_documents(paths, max_bytes) if showing(quiet) else None
    with progress_bar("ingesting", total, quiet) as advance:
        reported = [0, 0]

        def report_new(summary: IngestSummary) -> None:
            """Print each failure and warning as it happens, above the bar."""
            for message in summary.failures[reported[0] :]:
                error(message)
            for message in summary.warnings[reported[1] :]:
                warning(message)
            reported[:] = [len(summary.failures), len(summary.warnings)]
            advance()

        summary = ingest(ledger, items, extractor, on_document=report_new)
    _print_summary(summary)
    if summary.failures:
        raise typer.Exit(code=1)


def _money(value: float) -> str:
    return f"{value / 1e6:,.1f}M"


def _totals_table(title: str, lines: list[reports.Total]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in (title, "packages", "USD", "unconverted"):
        table.add_column(column, justify="left" if column == title else "right")
    for line in lines:
        table.add_row(*map(cell, (line.key, line.packages, _money(line.amount_usd), line.unconverted or "")))
    return table


def _packages_table(title: str, packages: list[Package]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "date", "donor", "recipient", "amount", "USD", "type", "evidence"):
        table.add_column(column, overflow="fold")
    for p in packages:
        amount = f"{p.amount:,.0f} {p.currency}" if p.amount is not None else "—"
        usd = _money(p.amount_usd) if p.amount_usd is not None else "—"
        evidence = p.stages[-1].evidence if p.stages else ""
        values = (p.id, p.date or "—", p.donor or "?", p.recipient or "?", amount, usd, p.aid_type, evidence[:100])
        table.add_row(*map(cell, values))
    return table


@app.command("report")
def report_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    donor: str | None = typer.Option(None, help="Only this donor (ISO alpha-3 or organisation code, e.g. USA, EU)."),
    recipient: str | None = typer.Option(None, help="Only this recipient (e.g. UKR)."),
    aid_type: AidTypeOption | None = typer.Option(None, "--type", help="Only this aid type."),
    stage: StageOption | None = typer.Option(None, help="Only packages that reached this stage."),
    since: str | None = typer.Option(None, help="Packages dated on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, help="Packages dated on or before YYYY-MM-DD."),
    chart: Path | None = typer.Option(
        None, help="Also draw cumulative USD commitments per donor to FILE.svg or FILE.png."
    ),
) -> None:
    """Totals by donor, recipient, aid type and month, and the commitments still open."""
    if chart is not None and chart.suffix.lower() not in (".svg", ".png"):
        raise typer.BadParameter(f"{chart}: the chart file must end in .svg or .png", param_hint="--chart")
    filters = reports.Filters(
        donor,
        recipient,
        aid_type.value if aid_type else None,
        stage.value if stage else None,
        parse_date(since),
        parse_date(until),
    )
    ledger = _open(db, must_exist=True)
    console = out()
    with ledger.sessions() as session:
        packages = reports.select_packages(session, filters)
        for title, key in reports.DIMENSIONS.items():
            lines = reports.totals(packages, key)
            console.print(_totals_table(title, sorted(lines, key=lambda t: t.key) if title == "month" else lines))
        console.print(_packages_table("anticipated but never announced", reports.anticipated_never_announced(packages)))
        console.print(_packages_table("announced, no delivery reported", reports.announced_not_delivered(packages)))
        if chart is not None:
            reports.draw_chart(packages, chart)
            err.print(cell(f"chart written to {chart}"))


@app.command("export")
def export_command(
    what: What = typer.Option(What.packages, "--what", help="packages (merged) or mentions (one per article)."),
    output_format: ExportFormat = typer.Option(ExportFormat.csv, "--format", help="csv, json or parquet."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Output file (standard output if omitted; parquet needs one)."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export packages or mentions from the ledger as CSV, JSON or Parquet."""
    ledger = _open(db, must_exist=True)
    with ledger.sessions() as session:
        rows = package_rows(session) if what is What.packages else mention_rows(session)
    try:
        write_rows(rows, output_format.value, output)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="-o") from None
