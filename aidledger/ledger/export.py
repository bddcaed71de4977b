"""Exporting packages or mentions as CSV, JSON or Parquet, one row each.

Rows are built once (:func:`package_rows`, :func:`mention_rows`) and written by format; list
values (items, source URLs) stay lists in JSON and Parquet and are space-joined in CSV. Reviewed
values replace extracted ones and each row says its review state (:mod:`aidledger.ledger.review`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aidledger.ledger.models import Mention, Package
from aidledger.ledger.review import reviewed_mention_rows, reviewed_package_rows

Row = dict[str, Any]
FORMATS = ("csv", "json", "parquet")


def package_rows(session: Session) -> list[Row]:
    """One row per package: merged fields, conversions, stage history and the articles that report it."""
    query = (
        select(Package)
        .options(
            selectinload(Package.stages),
            selectinload(Package.mentions).selectinload(Mention.article),
            selectinload(Package.mentions).selectinload(Mention.items),
        )
        .order_by(Package.date, Package.id)
    )
    return reviewed_package_rows(session, [_package_row(package) for package in session.scalars(query)])


def _package_row(package: Package) -> Row:
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
        "amount_usd": package.amount_usd,
        "amount_eur": package.amount_eur,
        "fx_rate": package.fx_rate,
        "fx_rate_eur": package.fx_rate_eur,
        "fx_date": package.fx_date,
        "fx_note": package.fx_note,
        "items": sorted({item.item for m in package.mentions for item in m.items}),
        "stages": [f"{s.stage}:{s.date.isoformat() if s.date else '?'}" for s in package.stages],
        "n_mentions": len(package.mentions),
        "n_sources": len(articles),
        "languages": sorted({a.language for a in articles}),
        "source_urls": sorted({a.url or a.source_id for a in articles}),
    }


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
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "published": article.published,
        "evidence_start": mention.evidence_start,
        "evidence_end": mention.evidence_end,
        "evidence": mention.evidence,
    }


def _plain(value: Any, for_csv: bool) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list) and for_csv:
        return " ".join(value)
    return value


def write_csv(rows: list[Row], out) -> None:
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [])
    writer.writeheader()
    writer.writerows({k: _plain(v, True) for k, v in row.items()} for row in rows)


def write_json(rows: list[Row], out) -> None:
    json.dump([{k: _plain(v, False) for k, v in row.items()} for row in rows], out, ensure_ascii=False, indent=1)
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
