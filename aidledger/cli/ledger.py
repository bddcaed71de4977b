"""``aidledger ingest``, ``aidledger report`` and ``aidledger export``: the ledger from the command line."""

from __future__ import annotations

import json
import sys
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
from aidledger.ledger.export import kiel_rows, mention_rows, package_rows, write_csv, write_rows
from aidledger.ledger.ingest import IngestSummary, ingest
from aidledger.ledger.models import Package
from aidledger.ledger.queries import PackageDetail, package_detail
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


class Layout(str, Enum):
    aidledger = "aidledger"
    kiel = "kiel"


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


class Currency(str, Enum):
    USD = "USD"
    EUR = "EUR"


class ReportFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _money(value: int | None) -> str:
    return f"{value / 1e6:,.1f}M" if value is not None else "—"


def _totals_table(title: str, lines: list[reports.Total], currency: str) -> Table:
    table = Table(title=f"by {title}", title_justify="left")
    for column in (title, "packages", currency, "unconverted"):
        table.add_column(column, justify="left" if column == title else "right")
    for line in lines:
        table.add_row(line.key, str(line.packages), _money(line.amount), str(line.unconverted or ""))
    return table


def _packages_table(title: str, packages: list[Package], currency: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "date", "donor", "recipient", "amount", currency, "type", "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for p in packages:
        row = reports.package_row(p, currency)
        amount = f"{p.amount:,} {p.currency}" if p.amount is not None else "—"
        date = f"{row['date']}{'' if p.reference_basis == 'announcement' else '*'}"
        table.add_row(
            str(p.id),
            date,
            p.donor or "?",
            p.recipient or "?",
            amount,
            _money(row[f"amount_{currency.lower()}"]),
            p.aid_type,
            str(row["n_sources"]),
            row["evidence"][:100],
        )
    return table


def _placed_note(report: reports.Report) -> str:
    counts = [
        f"{n} by {'publication' if basis == 'published' else 'ingest'} date"
        for basis, n in sorted(report.placed_by.items())
    ]
    if not counts:
        return f"{len(report.packages)} packages, all dated by their announcement."
    return (
        f"{len(report.packages)} packages; without an announcement date, placed {' and '.join(counts)} "
        "(marked * in the lists)."
    )


@app.command("report")
def report_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    donor: str | None = typer.Option(None, help="Only this donor (ISO alpha-3 or organisation code, e.g. USA, EU)."),
    recipient: str | None = typer.Option(None, help="Only this recipient (e.g. UKR)."),
    aid_type: AidTypeOption | None = typer.Option(None, "--type", help="Only this aid type."),
    stage: StageOption | None = typer.Option(None, help="Only packages that reached this stage."),
    since: str | None = typer.Option(
        None, help="Packages dated on or after YYYY-MM-DD (undated: by publication, else ingest date)."
    ),
    until: str | None = typer.Option(None, help="Packages dated on or before YYYY-MM-DD."),
    currency: Currency = typer.Option(Currency.USD, "--currency", help="Sum amounts in USD or EUR."),
    output_format: ReportFormat = typer.Option(ReportFormat.table, "--format", help="table, csv or json."),
    chart: Path | None = typer.Option(None, help="Also draw cumulative commitments per donor to FILE.svg or FILE.png."),
) -> None:
    """Totals by donor, recipient, aid type and month; commitments still open; packages resting on one source."""
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
        report = reports.build(session, filters, currency.value)
        if output_format is ReportFormat.json:
            json.dump(reports.as_json(report), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        elif output_format is ReportFormat.csv:
            write_csv(reports.as_rows(report), sys.stdout, reports.CSV_COLUMNS)
        else:
            console = _console()
            console.print(_placed_note(report), highlight=False)
            for title, lines in report.totals.items():
                console.print(_totals_table(title, lines, report.currency))
            for title, listed in report.lists.items():
                console.print(_packages_table(title, listed, report.currency) if listed else f"{title}: none")
        if chart is not None:
            drawn = reports.draw_chart(report.packages, chart, report.currency)
            err.print(f"chart of {len(drawn)} donors written to {chart}", highlight=False)


def _detail_text(detail: PackageDetail) -> None:
    console = _console()
    amount = f"{detail.amount:,} {detail.currency}" if detail.amount is not None else "no amount stated"
    console.print(
        f"[bold]package {detail.id}[/bold]: {detail.donor or '?'} → {detail.recipient or '?'}, {amount}, "
        f"{detail.aid_type}{f' ({detail.mechanism})' if detail.mechanism else ''}, {detail.stage}",
        highlight=False,
    )
    basis = {"announcement": "announcement date", "published": "earliest publication date", "ingested": "ingest date"}
    console.print(f"date: {detail.reference_date} ({basis.get(detail.reference_basis or '', '?')})", highlight=False)
    if detail.amount_usd is not None:
        console.print(
            f"value: {detail.amount_usd:,} USD, {detail.amount_eur:,} EUR at the ECB rate of {detail.fx_date} "
            f"({detail.fx_rate:.6f} USD, {detail.fx_rate_eur:.6f} EUR per {detail.currency})",
            highlight=False,
        )
    if detail.fx_note:
        console.print(f"note: {detail.fx_note}", highlight=False)
    history = Table(title="stage history", title_justify="left")
    for column in ("stage", "date", "outlet", "evidence"):
        history.add_column(column, overflow="fold")
    for step in detail.history:
        history.add_row(step.stage, str(step.date or "—"), step.outlet or step.url or "", step.evidence)
    console.print(history)
    sources = Table(title=f"{len(detail.sources)} sources", title_justify="left")
    for column in ("outlet", "lang", "published", "stage", "amount", "url", "evidence"):
        sources.add_column(column, overflow="fold")
    for source in detail.sources:
        amount = f"{source.amount:,} {source.currency}" if source.amount is not None else "—"
        sources.add_row(
            source.outlet or "",
            source.language,
            str(source.published or "—"),
            source.stage,
            amount,
            source.url or source.source_id,
            source.evidence,
        )
    console.print(sources)


@app.command("show")
def show_command(
    package: int = typer.Argument(..., help="The package id (from `report`, `export` or the package_sources view)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the package as JSON."),
) -> None:
    """One package with every source (outlet, language, date, URL, evidence) and its stage history."""
    ledger = _open(db, must_exist=True)
    with ledger.sessions() as session:
        detail = package_detail(session, package)
    if detail is None:
        err.print(f"[red]error[/red]: no package {package} in the ledger", highlight=False)
        raise typer.Exit(code=2)
    if as_json:
        json.dump(detail.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _detail_text(detail)


@app.command("export")
def export_command(
    what: What = typer.Option(What.packages, "--what", help="packages (merged) or mentions (one per article)."),
    output_format: ExportFormat = typer.Option(ExportFormat.csv, "--format", help="csv, json or parquet."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Output file (standard output if omitted; parquet needs one)."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    layout: Layout = typer.Option(
        Layout.aidledger,
        "--layout",
        help="aidledger (every field) or kiel (the Kiel Ukraine Support Tracker's columns; packages only).",
    ),
) -> None:
    """Export packages or mentions from the ledger as CSV, JSON or Parquet."""
    if layout is Layout.kiel and what is not What.packages:
        raise typer.BadParameter("the kiel layout has one row per package: use --what packages", param_hint="--layout")
    ledger = _open(db, must_exist=True)
    with ledger.sessions() as session:
        if layout is Layout.kiel:
            rows = kiel_rows(session)
            err.print(f"{len(rows)} packages to Ukraine that were announced or delivered", highlight=False)
        else:
            rows = package_rows(session) if what is What.packages else mention_rows(session)
    try:
        write_rows(rows, output_format.value, output)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="-o") from None


@app.command("eval-merge")
def eval_merge_command(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL of the evaluation contract."),
    clusters: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="Its same-package clusters (merge_dev.json)."
    ),
    shuffles: int = typer.Option(3, min=0, help="Also run this many shuffled arrival orders and compare the packages."),
    errors: bool = typer.Option(False, "--errors", help="List the wrong and the missed pairs."),
) -> None:
    """Measure package linkage on labelled reports: pairwise precision and recall, gold-fed and end to end."""
    passages = evaluation.load_gold(gold)
    gold_clusters = evaluation.load_clusters(clusters)
    err.print(f"extracting {len(passages)} passages…", highlight=False)
    extractions = list(aidledger.extract_documents(p.document for p in passages))
    table = Table(title=f"package linkage on {gold.name} ({len(gold_clusters)} gold clusters)", title_justify="left")
    for column in ("mentions fed", "precision", "recall", "pairs made", "gold pairs", "right", "packages", "orders"):
        table.add_column(column, justify="left" if column == "mentions fed" else "right")
    runs = {
        "gold commitments": lambda seed: evaluation.measure_gold(passages, gold_clusters, seed),
        "extracted (end to end)": lambda seed: evaluation.measure_end_to_end(
            passages, extractions, gold_clusters, seed
        ),
    }
    wrong: list[tuple[str, evaluation.Score]] = []
    for name, measure in runs.items():
        score = measure(None)
        same = all(measure(seed).grouping == score.grouping for seed in range(1, shuffles + 1))
        orders = f"{shuffles + 1} agree" if same else "DIFFER"
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            str(score.predicted_pairs),
            str(score.gold_pairs),
            str(score.correct_pairs),
            str(score.packages),
            orders,
        )
        wrong.append((name, score))
    _console().print(table)
    if errors:
        gold_pairs = evaluation.pairs(gold_clusters)
        for name, score in wrong:
            scored = {key for group in score.grouping for key in group}
            made = evaluation.pairs(score.grouping)
            for label, found in (
                ("wrong", made - gold_pairs),
                ("missed", {p for p in gold_pairs if p <= scored} - made),
            ):
                for pair in sorted(map(sorted, found)):
                    out.print(f"{name}: {label} pair {' + '.join(pair)}", highlight=False)
