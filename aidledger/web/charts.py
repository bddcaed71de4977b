"""The chart page's pictures: cumulative commitments per donor over time, one SVG per aid type.

Drawn on the server with matplotlib's object API (no pyplot state, so concurrent requests do not
share a figure); the page needs no JavaScript and the SVG keeps its text as text.
"""

from __future__ import annotations

import io

from aidledger.ledger.views import CumulativeSeries

#: The most donors drawn in one chart; the rest are named in the tables below it.
MAX_DONORS = 12


def cumulative_svg(series: list[CumulativeSeries], title: str) -> bytes:
    """One step line per donor of its running USD total, biggest donors first; an empty chart says so."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 4.6))
    axes = figure.subplots()
    end = max((line.points[-1].date for line in series if line.points), default=None)
    for line in series[:MAX_DONORS]:
        # from zero at the first commitment, level after the last one up to the chart's end
        dates = [line.points[0].date, *(point.date for point in line.points), end]
        values = [0.0, *(point.amount_usd / 1e9 for point in line.points)]
        values.append(values[-1])
        axes.step(dates, values, where="post", label=line.donor, linewidth=1.6)
    axes.set_title(title, loc="left", fontsize=11)
    axes.set_ylabel("USD billion, cumulative")
    axes.grid(alpha=0.3)
    if series:
        axes.legend(loc="upper left", fontsize="small", ncols=2, frameon=False)
    else:
        axes.text(0.5, 0.5, "no dated, converted commitment", ha="center", va="center", transform=axes.transAxes)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()
