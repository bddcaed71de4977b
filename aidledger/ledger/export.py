"""Exporting packages or mentions as CSV, JSON or Parquet, one row each.

Rows are built once (:func:`package_rows`, :func:`mention_rows`, :func:`kiel_rows`) and written by
format; list values (items, source URLs) stay lists in JSON and Parquet and are space-joined in CSV.
Reviewed values replace extracted ones, package and mention rows say their review state, and the
Kiel layout leaves out packages a reviewer rejected (:mod:`aidledger.ledger.review`).

Stored text comes from the open web, so what is written is made safe for what reads it: a CSV
cell a spreadsheet would run as a formula is prefixed with a quote (OWASP's rule for CSV
injection), and a number that is not finite (amounts are whole numbers, but a rate column is a
float any hand or tool may have set) is written as null, so the JSON is always valid JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aidledger.ledger.models import Mention, Package
from aidledger.ledger.review import CLOSED_STATES, ReviewedPackage, review_columns, reviewed_mention_rows

Row = dict[str, Any]
FORMATS = ("csv", "json", "parquet")


def _packages(session: Session) -> list[ReviewedPackage]:
    """Every package as reviewed, by reference date, with its stages, mentions, articles and items loaded."""
    query = (
        select(Package)
        .options(
            selectinload(Package.review),
            selectinload(Package.stages),
            selectinload(Package.mentions).selectinload(Mention.article),
            selectinload(Package.mentions).selectinload(Mention.items),
        )
        .order_by(Package.reference_date, Package.id)
    )
    return [ReviewedPackage(package) for package in session.scalars(query)]


def package_rows(session: Session) -> list[Row]:
    """One row per package: merged fields, conversions, stage history and the articles that report it."""
    return [_package_row(package) for package in _packages(session)]


def _package_row(package: ReviewedPackage) -> Row:
    articles = {m.article.id: m.article for m in package.mentions}.values()
    return {
        "package_id": package.id,
        "donor": package.donor,
        "recipient": package.recipient,
        "amount": package.amount,
        "currency": package.currency,
        "aid_type": package.aid_type,
        "mechanism": package.mechanism,
        "stage": package.stage,
        "date": package.date,
        "reference_date": package.reference_date,
        "reference_basis": package.reference_basis,
        "amount_usd": package.amount_usd,
        "amount_eur": package.amount_eur,
        "fx_rate": package.fx_rate,
        "fx_rate_eur": package.fx_rate_eur,
        "fx_date": package.fx_date,
        "fx_note": package.fx_note,
        "items": package.items,
        "stages": [f"{s.stage}:{s.date.isoformat() if s.date else '?'}" for s in package.stages],
        "n_mentions": len(package.mentions),
        "n_sources": len(articles),
        "languages": sorted({a.language for a in articles}),
        "source_urls": sorted({a.url or a.source_id for a in articles}),
        **review_columns(package.review),
    }


#: Organisation donors as the Kiel Ukraine Support Tracker names them; countries take their English CLDR name.
KIEL_DONORS = {
    "EU": "EU (Commission and Council)",
    "EIB": "European Investment Bank",
    "EBRD": "European Bank for Reconstruction and Development",
    "AFDB": "African Development Bank",
    "ADB": "Asian Development Bank",
    "IMF": "International Monetary Fund",
    "WORLD_BANK": "World Bank",
    "NATO": "NATO",
    "UN": "United Nations",
    "G7": "G7",
}
#: The Kiel tracker's general aid types.
KIEL_TYPES = {"military": "Military", "financial": "Financial", "humanitarian": "Humanitarian", "mixed": "Mixed"}
#: What a mechanism says of the specific type of aid.
KIEL_SPECIFIC = {
    "PDA": "Presidential Drawdown Authority",
    "USAI": "Ukraine Security Assistance Initiative",
    "FMF": "Foreign Military Financing",
    "EPF": "European Peace Facility",
    "loan": "Loan",
    "grant": "Grant",
    "other": "Other",
}
#: The tracker's measure: a commitment, or an allocation (aid delivered or earmarked for delivery).
KIEL_MEASURE = {"announced": "Commitment", "delivered": "Allocation"}
KIEL_SOURCES = 4
KIEL_COLUMNS = (
    "donor",
    "announcement_date",
    "aid_type_general",
    "aid_type_specific",
    "measure",
    "reporting_currency",
    "tot_activity_value",
    "tot_activity_value_EUR",
    *(f"Source of Aid {n}" for n in range(1, KIEL_SOURCES + 1)),
)


def kiel_donor(code: str | None) -> str | None:
    """The donor's name as the Kiel tracker writes it: "Germany", "United States", "EU (Commission and Council)"."""
    if code is None:
        return None
    if code in KIEL_DONORS:
        return KIEL_DONORS[code]
    country = pycountry.countries.get(alpha_3=code)
    return Locale("en").territories.get(country.alpha_2, country.name) if country else code


def kiel_rows(session: Session, recipient: str = "UKR") -> list[Row]:
    """One row per package to ``recipient`` that was committed (announced or delivered), in the Kiel layout.

    Packages only anticipated are not commitments yet and are left out; so are other recipients, the
    tracker being about Ukraine. A value the ledger does not know is left empty.
    """
    rows = []
    for package in _packages(session):
        if package.recipient != recipient or package.stage not in KIEL_MEASURE or package.state in CLOSED_STATES:
            continue
        articles = sorted(
            {m.article.id: m.article for m in package.mentions}.values(),
            key=lambda a: (a.published or dt.date.max, a.id),
        )
        sources = [a.url or a.source_id for a in articles][:KIEL_SOURCES]
        sources += [None] * (KIEL_SOURCES - len(sources))
        values = [
            kiel_donor(package.donor),
            package.date,
            KIEL_TYPES[package.aid_type],
            KIEL_SPECIFIC.get(package.mechanism or ""),
            KIEL_MEASURE[package.stage],
            package.currency,
            package.amount,
            package.amount_eur,
            *sources,
        ]
        rows.append(dict(zip(KIEL_COLUMNS, values)))
    return rows


def mention_rows(session: Session) -> list[Row]:
    """One row per mention, with the article it comes from and its evidence."""
    query = (
        select(Mention)
        .options(selectinload(Mention.article), selectinload(Mention.items))
        .order_by(Mention.article_id, Mention.position)
    )
    return reviewed_mention_rows(session, [_mention_row(mention) for mention in session.scalars(query)])


def _mention_row(mention: Mention) -> Row:
    article = mention.article
    return {
        "mention_id": mention.id,
        "source_id": article.source_id,
        "package_id": mention.package_id,
        "donor": mention.donor,
        "recipient": mention.recipient,
        "amount": mention.amount,
        "currency": mention.currency,
        "aid_type": mention.aid_type,
        "mechanism": mention.mechanism,
        "stage": mention.stage,
        "date": mention.date,
        "items": [item.item for item in mention.items],
        "announcer": mention.announcer,
        "series_number": mention.series_number,
        "raised_from": mention.raised_from[0] if mention.raised_from else None,
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "published": article.published,
        "evidence_start": mention.evidence_start,
        "evidence_end": mention.evidence_end,
        "evidence": mention.evidence,
    }


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _plain(value: Any, for_csv: bool) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list) and for_csv:
        return " ".join(value)
    return value


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell no spreadsheet runs: text opening with a formula character gets a leading quote."""
    value = _plain(value, True)
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def write_csv(rows: list[Row], out, columns: Sequence[str] | None = None) -> None:
    """CSV with a header; ``columns`` names them when there may be no row to take them from."""
    writer = csv.DictWriter(out, fieldnames=list(columns or (rows[0] if rows else [])))
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)


def write_json(rows: list[Row], out) -> None:
    rows = [{k: _plain(v, False) for k, v in row.items()} for row in rows]
    json.dump(rows, out, ensure_ascii=False, indent=1, allow_nan=False)
    out.write("\n")


def write_parquet(rows: list[Row], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows)
    pq.write_table(table.cast(pa.schema([_typed(f) for f in table.schema])), path)


def _typed(field):
    """A column that is empty in every row is inferred as type null, which readers handle badly: make it text."""
    import pyarrow as pa

    if pa.types.is_null(field.type):
        return pa.field(field.name, pa.string())
    if pa.types.is_list(field.type) and pa.types.is_null(field.type.value_type):
        return pa.field(field.name, pa.list_(pa.string()))
    return field


def write_rows(rows: list[Row], fmt: str, path: Path | None) -> None:
    """Write ``rows`` in ``fmt`` to ``path``, or to standard output for text formats."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet is binary: give an output file with -o FILE.parquet")
        write_parquet(rows, path)
        return
    writer = write_csv if fmt == "csv" else write_json
    if path is None:
        writer(rows, sys.stdout)
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        writer(rows, out)
