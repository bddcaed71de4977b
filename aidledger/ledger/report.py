"""Answers from the ledger: totals by donor, recipient, aid type and month; open commitments; thin evidence; a chart.

Totals count packages, not mentions, so a package reported by forty outlets counts once. Amounts are
summed in USD or EUR, each package converted at the ECB rate of its reference date; a package whose
currency has no ECB rate is counted in ``unconverted`` instead of being guessed. Every package has a
reference date (announcement, else earliest publication, else ingest), so a date filter places an
undated package by it, and the report says how many it placed so.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aidledger.ledger.models import Mention, Package, PackageStage

CURRENCIES = ("USD", "EUR")


@dataclass(frozen=True)
class Filters:
    """Which packages a report covers; ``stage`` keeps packages that reached that stage at some point."""

    donor: str | None = None
    recipient: str | None = None
    aid_type: str | None = None
    stage: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass
class Total:
    """One line of a totals table: packages and their sum in the report's currency (whole units)."""

    key: str
    packages: int = 0
    amount: int = 0
    unconverted: int = 0


@dataclass
class Report:
    """Everything ``aidledger report`` prints, in one currency."""

    currency: str
    filters: Filters
    packages: list[Package]
    totals: dict[str, list[Total]] = field(default_factory=dict)
    lists: dict[str, list[Package]] = field(default_factory=dict)
    placed_by: dict[str, int] = field(default_factory=dict)


def select_packages(session: Session, filters: Filters) -> list[Package]:
    """The packages the filters keep, oldest first, with their stage history and sources loaded."""
    query = (
        select(Package)
        .options(selectinload(Package.stages), selectinload(Package.mentions).selectinload(Mention.article))
        .order_by(Package.reference_date, Package.id)
    )
    if filters.donor:
        query = query.where(Package.donor == filters.donor.upper())
    if filters.recipient:
        query = query.where(Package.recipient == filters.recipient.upper())
    if filters.aid_type:
        query = query.where(Package.aid_type == filters.aid_type)
    if filters.stage:
        query = query.where(Package.stages.any(PackageStage.stage == filters.stage))
    if filters.since:
        query = query.where(Package.reference_date >= filters.since)
    if filters.until:
        query = query.where(Package.reference_date <= filters.until)
    return list(session.scalars(query))


def value(package: Package, currency: str) -> int | None:
    """The package's amount in USD or EUR, None when it has no amount or no ECB rate."""
    return package.amount_usd if currency == "USD" else package.amount_eur


def n_sources(package: Package) -> int:
    """How many articles report the package."""
    return len({m.article_id for m in package.mentions})


#: The dimensions totals are given by.
DIMENSIONS: dict[str, Callable[[Package], str]] = {
    "donor": lambda p: p.donor or "?",
    "recipient": lambda p: p.recipient or "?",
    "aid type": lambda p: p.aid_type,
    "month": lambda p: p.reference_date.strftime("%Y-%m") if p.reference_date else "?",
}


def totals(packages: Iterable[Package], key: Callable[[Package], str], currency: str) -> list[Total]:
    """Package counts and sums grouped by ``key``, largest first."""
    lines: dict[str, Total] = {}
    for package in packages:
        line = lines.setdefault(key(package), Total(key(package)))
        line.packages += 1
        converted = value(package, currency)
        if converted is not None:
            line.amount += converted
        elif package.amount is not None:
            line.unconverted += 1
    return sorted(lines.values(), key=lambda line: (-line.amount, -line.packages, line.key))


def _stages(package: Package) -> set[str]:
    return {s.stage for s in package.stages}


#: The lists of packages an analyst checks: titles and tests.
LISTS: dict[str, Callable[[Package], bool]] = {
    "anticipated but never announced": lambda p: _stages(p) == {"anticipated"},
    "announced, no delivery reported": lambda p: "announced" in _stages(p) and "delivered" not in _stages(p),
    "resting on one source": lambda p: n_sources(p) == 1,
}


def build(session: Session, filters: Filters, currency: str = "USD") -> Report:
    """The report for the packages ``filters`` keep, summed in ``currency``."""
    if currency not in CURRENCIES:
        raise ValueError(f"currency must be one of {', '.join(CURRENCIES)}, not {currency!r}")
    packages = select_packages(session, filters)
    report = Report(currency, filters, packages)
    for title, key in DIMENSIONS.items():
        lines = totals(packages, key, currency)
        report.totals[title] = sorted(lines, key=lambda t: t.key) if title == "month" else lines
    report.lists = {title: [p for p in packages if test(p)] for title, test in LISTS.items()}
    report.placed_by = dict(Counter(p.reference_basis for p in packages if p.reference_basis != "announcement"))
    return report


def package_row(package: Package, currency: str) -> dict:
    """A listed package as plain values."""
    steps = {s.stage: s for s in package.stages}
    lead = steps.get("announced") or next(iter(steps.values()), None)
    return {
        "package_id": package.id,
        "date": package.reference_date.isoformat() if package.reference_date else None,
        "date_basis": package.reference_basis,
        "donor": package.donor,
        "recipient": package.recipient,
        "amount": package.amount,
        "currency": package.currency,
        f"amount_{currency.lower()}": value(package, currency),
        "aid_type": package.aid_type,
        "stage": package.stage,
        "n_sources": n_sources(package),
        "evidence": lead.evidence if lead else "",
    }


def as_json(report: Report) -> dict:
    """The report as one JSON object."""
    filters = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in vars(report.filters).items() if v}
    return {
        "currency": report.currency,
        "filters": filters,
        "packages": len(report.packages),
        "placed_without_announcement_date": report.placed_by,
        "totals": {
            title: [
                {"key": t.key, "packages": t.packages, "amount": t.amount, "unconverted": t.unconverted} for t in lines
            ]
            for title, lines in report.totals.items()
        },
        "lists": {title: [package_row(p, report.currency) for p in listed] for title, listed in report.lists.items()},
    }


CSV_COLUMNS = (
    "section",
    "key",
    "packages",
    "amount",
    "currency",
    "unconverted",
    "package_id",
    "date",
    "donor",
    "recipient",
    "aid_type",
    "stage",
    "n_sources",
    "evidence",
)


def as_rows(report: Report) -> list[dict]:
    """The report as one long table: a row per totals line (``section`` = by donor, …) and per listed package."""
    rows = []
    for title, lines in report.totals.items():
        for t in lines:
            rows.append(
                {
                    "section": f"by {title}",
                    "key": t.key,
                    "packages": t.packages,
                    "amount": t.amount,
                    "currency": report.currency,
                    "unconverted": t.unconverted,
                }
            )
    for title, listed in report.lists.items():
        for p in listed:
            row = package_row(p, report.currency)
            rows.append(
                {
                    "section": title,
                    "key": p.donor,
                    "packages": 1,
                    "amount": row[f"amount_{report.currency.lower()}"],
                    "currency": report.currency,
                    **{c: row[c] for c in CSV_COLUMNS[6:]},
                }
            )
    return [{column: row.get(column) for column in CSV_COLUMNS} for row in rows]


def cumulative_by_donor(packages: Iterable[Package], currency: str) -> dict[str, list[tuple[dt.date, int]]]:
    """For each donor, the running total of its converted packages at each reference date."""
    series: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    dated = [p for p in packages if p.reference_date and value(p, currency) is not None]
    for package in sorted(dated, key=lambda p: (p.reference_date, p.id)):
        points = series[package.donor or "?"]
        running = points[-1][1] if points else 0
        points.append((package.reference_date, running + value(package, currency)))
    return dict(series)


def draw_chart(packages: Iterable[Package], path: Path, currency: str = "USD") -> list[str]:
    """Cumulative commitments over time, one step line per donor, to an SVG or PNG file; returns the donors drawn.

    Every donor is drawn, even with a single package: each line has a marker at every package and is
    carried on to the last date of the chart.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    series = cumulative_by_donor(packages, currency)
    end = max((points[-1][0] for points in series.values()), default=None)
    figure, axes = plt.subplots(figsize=(10, 5.5))
    for donor, points in sorted(series.items(), key=lambda kv: -kv[1][-1][1]):
        dates, values = zip(*(points + [(end, points[-1][1])]))
        axes.step(dates, [v / 1e9 for v in values], where="post", marker="o", markevery=range(len(points)), label=donor)
    axes.set_title("Cumulative aid commitments by donor")
    axes.set_ylabel(f"{currency} billion (ECB rate of each package's date)")
    axes.grid(alpha=0.3)
    if series:
        axes.legend(loc="upper left", fontsize="small", ncols=2)
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return list(series)
