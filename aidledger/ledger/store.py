"""Storing one article with everything extracted from it, in one transaction, and linking its mentions to packages."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from aidledger.ledger import fx, merge
from aidledger.ledger.db import open_database
from aidledger.ledger.models import Article, Entity, Mention, MentionItem, Package, PackageStage, Quote
from aidledger.schema import Commitment, Document, Extraction

#: How far apart in time a mention and the members of a candidate package can be (the delivery window).
CANDIDATE_DAYS = merge.DELIVERY_DAYS + merge.SAME_STEP_DAYS


@dataclass(frozen=True)
class Stored:
    """What storing one article added: zero of both when it was already there."""

    new: bool
    mentions: int = 0
    packages: int = 0


def content_hash(text: str) -> str:
    """The SHA-256 of the text: the first test of whether an article is already stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: The longest host name DNS allows; anything longer in a URL is no outlet.
MAX_HOST_CHARS = 253


def outlet_of(url: str | None) -> str | None:
    """The outlet of an article: its URL's host without ``www.``; None for none, or for no real host name."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # an invalid IPv6 literal, a bad port
        return None
    return host.removeprefix("www.") if host and len(host) <= MAX_HOST_CHARS else None


def find_article(session: Session, document: Document) -> Article | None:
    """The stored article this document is: same content hash, else same URL, else same input id."""
    tests = [Article.content_hash == content_hash(document.text)]
    if document.url:
        tests.append(Article.url == document.url)
    tests.append(Article.source_id == document.id)
    for test in tests:
        found = session.scalars(select(Article).where(test).limit(1)).first()
        if found is not None:
            return found
    return None


def record_of(mention: Mention) -> merge.MentionRecord:
    """The merging view of a stored mention."""
    return merge.MentionRecord(
        key=mention.id,
        donor=mention.donor,
        recipient=mention.recipient,
        amount=mention.amount,
        currency=mention.currency,
        amount_usd=mention.amount_usd,
        aid_type=mention.aid_type,
        mechanism=mention.mechanism,
        stage=mention.stage,
        date=mention.effective_date,
        items=frozenset(item.item for item in mention.items),
    )


def _shifted(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, stopping at the ends of the calendar (a text may date a pledge 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _candidate_packages(session: Session, mention: Mention) -> list[Package]:
    """Packages of the same donor and recipient with a mention near enough in time to matter, oldest first."""
    if mention.donor is None or mention.recipient is None or mention.effective_date is None:
        return []
    day = mention.effective_date
    near = (
        select(Mention.package_id)
        .where(Mention.donor == mention.donor, Mention.recipient == mention.recipient)
        .where(Mention.effective_date.between(_shifted(day, -CANDIDATE_DAYS), _shifted(day, CANDIDATE_DAYS)))
    )
    query = (
        select(Package)
        .where(Package.id.in_(near))
        .options(selectinload(Package.mentions).selectinload(Mention.items))
        .order_by(Package.id)
    )
    return list(session.scalars(query))


def _profile(package: Package) -> merge.PackageProfile:
    return merge.summarise(package.id, [record_of(m) for m in package.mentions])


def refresh_package(session: Session, package: Package) -> None:
    """Re-derive a package's fields, currency conversion and stage history from its mentions."""
    session.flush()
    profile = _profile(package)
    package.donor, package.recipient = profile.donor, profile.recipient
    package.amount, package.currency = profile.amount, profile.currency
    package.aid_type, package.mechanism = profile.aid_type, profile.mechanism
    package.stage, package.date = profile.stage, profile.date
    conversion = fx.convert(profile.amount, profile.currency, profile.date)
    package.amount_usd, package.amount_eur = conversion.amount_usd, conversion.amount_eur
    package.fx_rate, package.fx_rate_eur = conversion.rate_usd, conversion.rate_eur
    package.fx_date, package.fx_note = conversion.rate_date, conversion.note
    by_id = {m.id: m for m in package.mentions}
    existing = {step.stage: step for step in package.stages}
    for stage, first in profile.steps.items():
        step = existing.get(stage) or PackageStage(stage=stage)
        if stage not in existing:
            package.stages.append(step)
        step.date, step.mention_id, step.evidence = first.date, first.key, by_id[first.key].evidence


def _new_mention(article: Article, position: int, commitment: Commitment) -> Mention:
    effective = commitment.date or article.published
    converted = fx.convert(commitment.amount, commitment.currency, effective)
    return Mention(
        article=article,
        position=position,
        donor=commitment.donor,
        recipient=commitment.recipient,
        amount=commitment.amount,
        currency=commitment.currency,
        amount_usd=converted.amount_usd,
        aid_type=commitment.aid_type,
        mechanism=commitment.mechanism,
        stage=commitment.stage,
        date=commitment.date,
        effective_date=effective,
        announcer=commitment.announcer,
        evidence_start=commitment.evidence.start,
        evidence_end=commitment.evidence.end,
        evidence=commitment.evidence.text,
        items=[MentionItem(item=item) for item in dict.fromkeys(commitment.items)],
    )


def link_mention(session: Session, mention: Mention) -> bool:
    """Put a new mention into the package the merge rules choose, or into a new one; True when new."""
    with session.no_autoflush:  # the mention has no package yet, so it must not be flushed before it has one
        candidates = {package.id: package for package in _candidate_packages(session, mention)}
        chosen = merge.choose_package(record_of(mention), [_profile(p) for p in candidates.values()])
    mention.package = (
        candidates[chosen] if chosen is not None else Package(aid_type=mention.aid_type, stage=mention.stage)
    )
    session.add(mention)
    refresh_package(session, mention.package)
    return chosen is None


def _article(document: Document, extraction: Extraction) -> Article:
    return Article(
        source_id=document.id,
        source=document.source,
        url=document.url,
        outlet=outlet_of(document.url),
        language=extraction.lang,
        published=document.published or extraction.published,
        title=document.title,
        content_hash=content_hash(document.text),
        text=document.text,
        n_commitments=len(extraction.commitments),
        quotes=[
            Quote(
                speaker=q.speaker,
                role=q.role,
                affiliation=q.affiliation,
                quote=q.quote,
                quote_start=q.start,
                quote_end=q.end,
            )
            for q in extraction.quotes
        ],
        entities=[
            Entity(
                name=e.name,
                label=e.label,
                code=e.code,
                country=e.country,
                lat=e.lat,
                lon=e.lon,
                spans=[[s.start, s.end] for s in e.mentions],
            )
            for e in extraction.entities
        ],
    )


def store_extraction(session: Session, document: Document, extraction: Extraction) -> Stored:
    """Add an article, its mentions, quotes and entities and their package links; the caller commits."""
    if find_article(session, document) is not None:
        return Stored(new=False)
    article = _article(document, extraction)
    session.add(article)
    new_packages = 0
    for position, commitment in enumerate(extraction.commitments):
        new_packages += link_mention(session, _new_mention(article, position, commitment))
    session.flush()
    return Stored(new=True, mentions=len(extraction.commitments), packages=new_packages)


class Ledger:
    """The ledger database: open it once, then add articles one transaction each."""

    def __init__(self, db: str | None = None) -> None:
        engine = open_database(db)
        self.sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        self._writes: sessionmaker[Session] = sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"))

    def knows(self, document: Document) -> bool:
        """True when this document (by content, URL or input id) is already stored."""
        with self.sessions() as session:
            return find_article(session, document) is not None

    def add(self, document: Document, extraction: Extraction) -> Stored:
        """Store one article and all it yields atomically: all of it is committed, or none of it."""
        try:
            with self._writes.begin() as session:
                return store_extraction(session, document, extraction)
        except IntegrityError:
            if self.knows(document):  # another process stored it meanwhile
                return Stored(new=False)
            raise
