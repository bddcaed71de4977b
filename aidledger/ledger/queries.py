"""Reading packages with their sources and stage history: the query functions the CLI and the web app share.

They return plain dataclasses, detached from the database session, so a caller can render them as a
terminal table, JSON or HTML without touching SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aidledger.ledger.models import Mention, Package, PackageStage


@dataclass(frozen=True)
class Source:
    """One report of a package: the article, and the commitment as that article states it."""

    mention_id: int
    article_id: int
    outlet: str | None
    language: str
    published: dt.date | None
    url: str | None
    source_id: str
    title: str | None
    stage: str
    date: dt.date | None
    amount: int | None
    currency: str | None
    aid_type: str
    evidence: str


@dataclass(frozen=True)
class Step:
    """One step of a package's history: the first report of that stage."""

    stage: str
    date: dt.date | None
    mention_id: int
    outlet: str | None
    url: str | None
    evidence: str


@dataclass(frozen=True)
class PackageDetail:
    """A package's fields, conversion, stage history (anticipated → announced → delivered) and every source."""

    id: int
    donor: str | None
    recipient: str | None
    amount: int | None
    currency: str | None
    amount_usd: int | None
    amount_eur: int | None
    aid_type: str
    mechanism: str | None
    stage: str
    date: dt.date | None
    reference_date: dt.date | None
    reference_basis: str | None
    fx_rate: float | None
    fx_rate_eur: float | None
    fx_date: dt.date | None
    fx_note: str | None
    history: list[Step]
    sources: list[Source]

    def as_dict(self) -> dict:
        """Plain values (ISO dates), for JSON."""

        def plain(value):
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value

        return plain(asdict(self))


def _source(mention: Mention) -> Source:
    article = mention.article
    return Source(
        mention_id=mention.id,
        article_id=article.id,
        outlet=article.outlet,
        language=article.language,
        published=article.published,
        url=article.url,
        source_id=article.source_id,
        title=article.title,
        stage=mention.stage,
        date=mention.date,
        amount=mention.amount,
        currency=mention.currency,
        aid_type=mention.aid_type,
        evidence=mention.evidence,
    )


def _step(step: PackageStage) -> Step:
    article = step.mention.article
    return Step(step.stage, step.date, step.mention_id, article.outlet, article.url or article.source_id, step.evidence)


def package_detail(session: Session, package_id: int) -> PackageDetail | None:
    """One package with its history and sources (oldest first), or None when there is no such package."""
    package = session.scalars(
        select(Package)
        .where(Package.id == package_id)
        .options(
            selectinload(Package.mentions).selectinload(Mention.article),
            selectinload(Package.stages).selectinload(PackageStage.mention).selectinload(Mention.article),
        )
    ).first()
    if package is None:
        return None
    sources = sorted(
        (_source(m) for m in package.mentions),
        key=lambda s: (s.published or s.date or dt.date.max, s.article_id, s.mention_id),
    )
    history = sorted(
        (_step(s) for s in package.stages), key=lambda s: ("anticipated", "announced", "delivered").index(s.stage)
    )
    return PackageDetail(
        id=package.id,
        donor=package.donor,
        recipient=package.recipient,
        amount=package.amount,
        currency=package.currency,
        amount_usd=package.amount_usd,
        amount_eur=package.amount_eur,
        aid_type=package.aid_type,
        mechanism=package.mechanism,
        stage=package.stage,
        date=package.date,
        reference_date=package.reference_date,
        reference_basis=package.reference_basis,
        fx_rate=package.fx_rate,
        fx_rate_eur=package.fx_rate_eur,
        fx_date=package.fx_date,
        fx_note=package.fx_note,
        history=history,
        sources=sources,
    )
