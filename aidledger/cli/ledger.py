"""``aidledger ingest``, ``aidledger report`` and ``aidledger export``: the ledger from the command line."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

import aidledger
from aidledger.cli import app
from aidledger.cli.options import parse_date, parse_lang
from aidledger.ingest.readers import DEFAULT_MAX_BYTES, read_paths
from aidledger.ledger import evaluation
from aidledger.ledger import report as reports
from aidledger.ledger.db import missing_sqlite_file
from aidledger.ledger.export import mention_rows, package_rows, write_rows
from aidledger.ledger.ingest import IngestSummary, ingest
from aidledger.ledger.models import Package
from aidledger.ledger.store import Ledger

out = Console()
err = Console(stderr=True)


def _console() -> Console:
    """Standard output; when it is not a terminal (a pipe, a file), wide enough that table cells do not wrap."""
    return out if out.is_terminal else Console(width=200, soft_wrap=True)

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
        err.print(
            f"[red]error[/red]: no ledger at {missing}: run `aidledger ingest` first, or pass --db", highlight=False
        )
        raise typer.Exit(code=2)
    try:
        return Ledger(db)
    except Exception as exc:
        err.print(f"[red]error[/red]: cannot open the ledger {db or ''}: {str(exc).splitlines()[0]}", highlight=False)
        raise typer.Exit(code=2) from None


def _print_summary(summary: IngestSummary) -> None:
    err.print(
        f"read {summary.read}, unchanged {summary.unchanged}, stored {summary.stored}, "
        f"failed {len(summary.failures)}, new mentions {summary.new_mentions}, new packages {summary.new_packages}",
        highlight=False,
    )
    for failure in summary.failures:
        err.print(f"[red]failed[/red]: {failure}", highlight=False)


@app.command("ingest")
def ingest_command(
    paths: list[Path] = typer.Argument(
        ..., help="Files to read: .txt, .html, .jsonl, feeds, WARC (folders recursively)."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that carry none."),
    lang: str = typer.Option("auto", help="Language of the inputs: fr, en, ... or auto to detect it per document."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Skip a document larger than this many bytes."),
) -> None:
    """Extract commitments from articles and store them in the ledger; what is already stored is skipped."""
    ledger = _open(db)
    items = read_paths(paths, lang=parse_lang(lang), published=parse_date(published), max_bytes=max_bytes)
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err, transient=True
    )
    with progress:
        task = progress.add_task("ingesting", total=None)

        def advance(summary: IngestSummary) -> None:
            progress.update(
                task,
                completed=summary.read,
                description=f"{summary.read} read, {summary.stored} stored, {summary.new_packages} new packages",
            )

        summary = ingest(ledger, items, aidledger.extract_documents, on_document=advance)
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
        table.add_row(line.key, str(line.packages), _money(line.amount_usd), str(line.unconverted or ""))
    return table


def _packages_table(title: str, packages: list[Package]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "date", "donor", "recipient", "amount", "USD", "type", "evidence"):
        table.add_column(column, overflow="fold")
    for p in packages:
        amount = f"{p.amount:,.0f} {p.currency}" if p.amount is not None else "—"
        usd = _money(p.amount_usd) if p.amount_usd is not None else "—"
        evidence = p.stages[-1].evidence if p.stages else ""
        table.add_row(
            str(p.id), str(p.date or "—"), p.donor or "?", p.recipient or "?", amount, usd, p.aid_type, evidence[:100]
        )
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
    with ledger.sessions() as session:
        packages = reports.select_packages(session, filters)
        for title, key in reports.DIMENSIONS.items():
            lines = reports.totals(packages, key)
            out.print(_totals_table(title, sorted(lines, key=lambda t: t.key) if title == "month" else lines))
        out.print(_packages_table("anticipated but never announced", reports.anticipated_never_announced(packages)))
        out.print(_packages_table("announced, no delivery reported", reports.announced_not_delivered(packages)))
        if chart is not None:
            reports.draw_chart(packages, chart)
            err.print(f"chart written to {chart}", highlight=False)


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


@app.command("eval-merge")
def eval_merge_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL of the evaluation contract."),
    clusters: Path = typer.Argument(..., exists=True, dir_okay=False, help="Its same-package clusters (merge_dev.json)."),
    shuffles: int = typer.Option(3, min=0, help="Also run this many shuffled arrival orders and compare the packages."),
    errors: bool = typer.Option(False, "--errors", help="List the wrong and the missed pairs."),
) -> None:
    """Measure package linkage on labelled reports: pairwise precision and recall, on gold commitments and end to end."""
    passages = evaluation.load_gold(gold)
    gold_clusters = evaluation.load_clusters(clusters)
    err.print(f"extracting {len(passages)} passages…", highlight=False)
    extractions = list(aidledger.extract_documents(p.document for p in passages))
    table = Table(title=f"package linkage on {gold.name} ({len(gold_clusters)} gold clusters)", title_justify="left")
    for column in ("mentions fed", "precision", "recall", "pairs made", "gold pairs", "right", "packages", "orders"):
        table.add_column(column, justify="left" if column == "mentions fed" else "right")
    runs = {
        "gold commitments": lambda seed: evaluation.measure_gold(passages, gold_clusters, seed),
        "extracted (end to end)": lambda seed: evaluation.measure_end_to_end(passages, extractions, gold_clusters, seed),
    }
    wrong: list[tuple[str, evaluation.Score]] = []
    for name, measure in runs.items():
        score = measure(None)
        same = all(measure(seed).grouping == score.grouping for seed in range(1, shuffles + 1))
        orders = f"{shuffles + 1} agree" if same else "DIFFER"
        table.add_row(
            name, f"{score.precision:.3f}", f"{score.recall:.3f}", str(score.predicted_pairs), str(score.gold_pairs),
            str(score.correct_pairs), str(score.packages), orders,
        )
        wrong.append((name, score))
    _console().print(table)
    if errors:
        gold_pairs = evaluation.pairs(gold_clusters)
        for name, score in wrong:
            scored = {key for group in score.grouping for key in group}
            made = evaluation.pairs(score.grouping)
            for label, found in (("wrong", made - gold_pairs), ("missed", {p for p in gold_pairs if p <= scored} - made)):
                for pair in sorted(map(sorted, found)):
                    out.print(f"{name}: {label} pair {' + '.join(pair)}", highlight=False)
