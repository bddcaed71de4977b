"""Answers from the ledger: totals by donor, recipient, aid type and month; open commitments; a cumulative chart.

Totals count packages, not mentions, so a package reported by forty outlets counts once. Amounts
are summed in USD at each package's ECB rate; a package whose currency has no rate is counted in
``unconverted`` instead of being guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aidledger.ledger.models import Package, PackageStage


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
    """One line of a totals table."""

    key: str
    packages: int = 0
    amount_usd: float = 0.0
    unconverted: int = 0


def select_packages(session: Session, filters: Filters) -> list[Package]:
    """The packages the filters keep, oldest first, with their stage history loaded."""
    query = select(Package).options(selectinload(Package.stages)).order_by(Package.date, Package.id)
    if filters.donor:
        query = query.where(Package.donor == filters.donor.upper())
    if filters.recipient:
        query = query.where(Package.recipient == filters.recipient.upper())
    if filters.aid_type:
        query = query.where(Package.aid_type == filters.aid_type)
    if filters.stage:
        query = query.where(Package.stages.any(PackageStage.stage == filters.stage))
    if filters.since:
        query = query.where(Package.date >= filters.since)
    if filters.until:
        query = query.where(Package.date <= filters.until)
    return list(session.scalars(query))


def _month(package: Package) -> str:
    return package.date.strftime("%Y-%m") if package.date else "undated"


#: The dimensions totals are given by.
DIMENSIONS: dict[str, Callable[[Package], str]] = {
    "donor": lambda p: p.donor or "?",
    "recipient": lambda p: p.recipient or "?",
    "aid type": lambda p: p.aid_type,
    "month": _month,
}


def totals(packages: Iterable[Package], key: Callable[[Package], str]) -> list[Total]:
    """Package counts and USD sums grouped by ``key``, largest first."""
    lines: dict[str, Total] = defaultdict(lambda: Total(""))
    for package in packages:
        line = lines[key(package)]
        line.key = key(package)
        line.packages += 1
        if package.amount_usd is not None:
            line.amount_usd += package.amount_usd
        elif package.amount is not None:
            line.unconverted += 1
    return sorted(lines.values(), key=lambda line: (-line.amount_usd, -line.packages, line.key))


def anticipated_never_announced(packages: Iterable[Package]) -> list[Package]:
    """Packages that were anticipated and got no announcement (nor delivery) in the ledger."""
    return [p for p in packages if {s.stage for s in p.stages} == {"anticipated"}]


def announced_not_delivered(packages: Iterable[Package]) -> list[Package]:
    """Packages announced with no delivery reported yet."""
    return [p for p in packages if "announced" in {s.stage for s in p.stages} and p.stage != "delivered"]


def cumulative_by_donor(packages: Iterable[Package]) -> dict[str, list[tuple[dt.date, float]]]:
    """For each donor, the running USD total of its dated, converted packages at each package date."""
    series: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for package in sorted((p for p in packages if p.date and p.amount_usd is not None), key=lambda p: p.date):
        points = series[package.donor or "?"]
        running = points[-1][1] if points else 0.0
        points.append((package.date, running + package.amount_usd))
    return dict(series)


def draw_chart(packages: Iterable[Package], path: Path) -> None:
    """Cumulative commitments in USD over time, one step line per donor, to an SVG or PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(figsize=(10, 5.5))
    for donor, points in sorted(cumulative_by_donor(packages).items(), key=lambda kv: -kv[1][-1][1]):
        dates, values = zip(*points)
        axes.step(dates, [v / 1e9 for v in values], where="post", label=donor)
    axes.set_title("Cumulative aid commitments by donor")
    axes.set_ylabel("USD billion (ECB rate of each announcement)")
    axes.grid(alpha=0.3)
    if axes.lines:
        axes.legend(loc="upper left", fontsize="small", ncols=2)
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
