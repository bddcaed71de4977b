"""``aidledger ingest``, ``aidledger report`` and ``aidledger export``: the ledger from the command line."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

import aidledger
from aidledger.cli import app
from aidledger.cli.options import (
    AMOUNT_RANGE,
    AMOUNTS_EPILOG,
    FOCUS,
    INPUTS_HELP,
    LANG,
    MAX_BYTES,
    PUBLISHED,
    QUIET,
    TIMEOUT,
    TRIAGE_HELP,
    limits,
    parse_date,
    parse_lang,
)
from aidledger.cli.output import NewMessages, cell, err, error, out, progress_bar, showing
from aidledger.ingest.readers import count_documents, read_paths
from aidledger.ledger import evaluation
from aidledger.ledger import report as reports
from aidledger.ledger.db import missing_sqlite_file, read_only_location
from aidledger.ledger.export import kiel_rows, mention_rows, package_rows, write_csv, write_rows
from aidledger.ledger.ingest import Extractor, IngestSummary, ingest
from aidledger.ledger.models import Package
from aidledger.ledger.queries import get_package
from aidledger.ledger.store import Ledger
from aidledger.ledger.views import PackageDetail
from aidledger.raydata import RayUnavailable
from aidledger.workers import Options, WorkerPool

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
        error(f"no ledger at {missing}: run `aidledger ingest` first, or pass --db")
        raise typer.Exit(code=2)
    try:
        return Ledger(db)
    except Exception as exc:
        read_only = read_only_location(db)
        reason = f"{read_only} is on a read-only file system" if read_only else str(exc).splitlines()[0]
        error(f"cannot open the ledger {db or ''}: {reason}")
        raise typer.Exit(code=2) from None


def print_summary(summary: IngestSummary) -> None:
    """The end-of-run tally on standard error, one line."""
    triaged = f"triaged out {summary.triaged_out}, " if summary.triaged_out else ""
    err.print(
        f"read {summary.read}, unchanged {summary.unchanged}, {triaged}stored {summary.stored}, "
        f"failed {len(summary.failures)}, new mentions {summary.new_mentions}, new packages {summary.new_packages}"
    )


class EngineOption(str, Enum):
    processes = "processes"
    ray = "ray"


def _extractor(engine: EngineOption, workers: int | None, address: str | None, options: Options) -> Extractor:
    """What extracts for ``ingest``: this process, a pool of worker processes, or Ray Data."""
    if engine is EngineOption.ray:
        from aidledger.raydata import RayEngine

        return RayEngine(address=address, actors=workers, options=options)
    if address:
        raise typer.BadParameter("--address is a Ray cluster's: use it with --engine ray", param_hint="--address")
    if workers and workers > 1:
        return WorkerPool(workers, options)
    return functools.partial(
        aidledger.extract_documents, limits=options.limits, triage=options.triage, focused=options.focused
    )


def report_progress(advance: Callable[..., None]) -> Callable[[IngestSummary], None]:
    """The ``on_document`` of an ingest: print each new failure and warning above the bar, and advance it."""
    report = NewMessages()

    def report_new(summary: IngestSummary) -> None:
        report(summary.failures, summary.warnings)
        advance()

    return report_new


@app.command("ingest", epilog=AMOUNTS_EPILOG)
def ingest_command(
    paths: list[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    published: str | None = PUBLISHED,
    lang: str = LANG,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    amount_range: tuple[float, float] = AMOUNT_RANGE,
    triage: bool = typer.Option(False, "--triage/--no-triage", help=TRIAGE_HELP.format(what=" nor stored")),
    focus: bool = FOCUS,
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Extract in this many processes, each loading the models once (default 1; with --engine ray, the "
        "number of Ray actors, default one per CPU of the cluster). One writer stores the results.",
    ),
    engine: EngineOption = typer.Option(
        EngineOption.processes,
        "--engine",
        help="processes (on this machine) or ray (Ray Data: a local Ray started for the run, or the cluster "
        "at --address).",
    ),
    address: str | None = typer.Option(
        None, "--address", help="With --engine ray: the Ray cluster to join (auto, ray://host:10001); default: a local Ray."
    ),
    quiet: bool = QUIET,
) -> None:
    """Extract commitments from articles and store them in the ledger; what is already stored is skipped."""
    options = Options(limits=limits(timeout, amount_range), triage=triage, focused=focus)
    extractor = _extractor(engine, workers, address, options)
    items = read_paths(paths, lang=parse_lang(lang), published=parse_date(published), max_bytes=max_bytes)
    ledger = _open(db)
    total = count_documents(paths, max_bytes) if showing(quiet) else None
    with progress_bar("ingesting", total, quiet) as advance:
        try:
            summary = ingest(ledger, items, extractor, on_document=report_progress(advance))
        except RayUnavailable as exc:
            error(exc)
            raise typer.Exit(code=2) from None
    print_summary(summary)
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
        table.add_row(*map(cell, (line.key, line.packages, _money(line.amount), line.unconverted or "")))
    return table


def _packages_table(title: str, packages: list[Package], currency: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "date", "donor", "recipient", "amount", currency, "type", "sources", "evidence"):
        table.add_column(column, overflow="fold")
    for p in packages:
        row = reports.package_row(p, currency)
        amount = f"{p.amount:,} {p.currency}" if p.amount is not None else "—"
        date = f"{row['date']}{'' if p.reference_basis == 'announcement' else '*'}"
        values = (
            p.id,
            date,
            p.donor or "?",
            p.recipient or "?",
            amount,
            _money(row[f"amount_{currency.lower()}"]),
            p.aid_type,
            row["n_sources"],
            row["evidence"][:100],
        )
        table.add_row(*map(cell, values))
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
            console = out()
            console.print(_placed_note(report))
            for title, lines in report.totals.items():
                console.print(_totals_table(title, lines, report.currency))
            for title, listed in report.lists.items():
                console.print(_packages_table(title, listed, report.currency) if listed else f"{title}: none")
        if chart is not None:
            drawn = reports.draw_chart(report.packages, chart, report.currency)
            err.print(cell(f"chart of {len(drawn)} donors written to {chart}"))


def _stated(amount: int | None, currency: str | None, missing: str = "—") -> str:
    """An amount in whole units of its currency, as the article stated it (the report's ``_money`` is millions)."""
    return f"{amount:,} {currency or ''}".rstrip() if amount is not None else missing


def _detail_text(detail: PackageDetail) -> None:
    """The package as ``aidledger show`` prints it: a heading line, its dating and value, then two tables."""
    console = out()
    v, c = detail.values, detail.conversion
    console.print(
        Text.assemble(
            (f"package {detail.id}", "bold"),
            f": {v.donor or '?'} → {v.recipient or '?'}, {_stated(v.amount, v.currency, 'no amount stated')}, "
            f"{v.aid_type}{f' ({v.mechanism})' if v.mechanism else ''}, {v.stage}",
        )
    )
    if detail.reviewed_by and detail.reviewed_at:
        fields = f"; set by the reviewer: {', '.join(detail.corrected)}" if detail.corrected else ""
        when = detail.reviewed_at.strftime("%Y-%m-%d %H:%M")
        console.print(cell(f"review: {detail.state} by {detail.reviewed_by} on {when} UTC{fields}"))
    basis = {"announcement": "announcement date", "published": "earliest publication date", "ingested": "ingest date"}
    console.print(cell(f"date: {c.reference_date} ({basis.get(c.reference_basis or '', '?')})"))
    if c.amount_usd is not None:
        console.print(
            cell(
                f"value: {c.amount_usd:,} USD, {c.amount_eur:,} EUR at the ECB rate of {c.fx_date} "
                f"({c.fx_rate:.6f} USD, {c.fx_rate_eur:.6f} EUR per {v.currency})"
            )
        )
    if c.fx_note:
        console.print(cell(f"note: {c.fx_note}"))
    history = Table(title="stage history", title_justify="left")
    for column in ("stage", "date", "outlet", "evidence"):
        history.add_column(column, overflow="fold")
    for step in detail.stages:
        outlet = step.article.outlet or step.article.url or step.article.source_id
        history.add_row(*map(cell, (step.stage, step.date or "—", outlet, step.evidence)))
    console.print(history)
    counted = f"{len(detail.sources)} sources"
    if len(detail.mentions) != len(detail.sources):
        counted += f", {len(detail.mentions)} mentions"
    sources = Table(title=counted, title_justify="left")
    for column in ("outlet", "lang", "published", "stage", "amount", "url", "evidence"):
        sources.add_column(column, overflow="fold")
    for mention in detail.mentions:
        article, said = mention.article, mention.values
        stage = said.stage if mention.state == "unreviewed" else f"{said.stage} ({mention.state})"
        values = (
            article.outlet or "",
            article.language,
            article.published or "—",
            stage,
            _stated(said.amount, said.currency),
            article.url or article.source_id,
            mention.evidence.text,
        )
        sources.add_row(*map(cell, values))
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
        detail = get_package(session, package)
    if detail is None:
        error(f"no package {package} in the ledger")
        raise typer.Exit(code=2)
    if as_json:
        json.dump(detail.model_dump(mode="json"), sys.stdout, ensure_ascii=False, indent=1)
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
            err.print(f"{len(rows)} packages to Ukraine that were announced or delivered")
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
    quiet: bool = QUIET,
) -> None:
    """Measure package linkage on labelled reports: pairwise precision and recall, gold-fed and end to end."""
    passages = evaluation.load_gold(gold)
    gold_clusters = evaluation.load_clusters(clusters)
    with progress_bar("extracting", len(passages), quiet) as advance:
        extractions = []
        for extraction in aidledger.extract_documents(p.document for p in passages):
            extractions.append(extraction)
            advance()
    table = Table(title=f"package linkage on {gold.name} ({len(gold_clusters)} gold clusters)", title_justify="left")
    for column in ("mentions fed", "precision", "recall", "pairs made", "gold pairs", "right", "packages", "orders"):
        table.add_column(column, justify="left" if column == "mentions fed" else "right")
    runs = {
        "gold commitments": lambda seed: evaluation.measure_gold(passages, extractions, gold_clusters, seed),
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
    console = out()
    console.print(table)
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
                    console.print(cell(f"{name}: {label} pair {' + '.join(pair)}"))
