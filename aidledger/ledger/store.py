"""Storing one article with everything extracted from it, in one transaction, and linking its mentions to packages."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from aidledger.ledger import fx, linking, merge
from aidledger.ledger.db import open_database
from aidledger.ledger.models import Article, Entity, Mention, MentionItem, Quote
from aidledger.schema import Commitment, Document, Extraction


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


def _new_mention(article: Article, position: int, commitment: Commitment) -> Mention:
    return Mention(
        article=article,
        position=position,
        donor=commitment.donor,
        recipient=commitment.recipient,
        amount=fx.whole(commitment.amount) if commitment.amount is not None else None,
        currency=commitment.currency,
        aid_type=commitment.aid_type,
        mechanism=commitment.mechanism,
        stage=commitment.stage,
        date=commitment.date,
        effective_date=commitment.date or article.published,
        announcer=commitment.announcer,
        evidence_start=commitment.evidence.start,
        evidence_end=commitment.evidence.end,
        evidence=commitment.evidence.text,
        evidence_key=merge.evidence_key(commitment.evidence.text),
        running_totals=[[total.amount, total.currency] for total in commitment.running_totals],
        series_number=commitment.series_number,
        raised_from=[fx.whole(raised.amount), raised.currency] if (raised := commitment.raised_from) else None,
        items=[MentionItem(item=item) for item in dict.fromkeys(commitment.items)],
    )


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
        ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
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
    linking.lock(session)
    if find_article(session, document) is not None:
        return Stored(new=False)
    article = _article(document, extraction)
    session.add(article)
    mentions = [_new_mention(article, position, c) for position, c in enumerate(extraction.commitments)]
    new_packages = linking.link(session, mentions)
    session.flush()
    return Stored(new=True, mentions=len(mentions), packages=new_packages)


class Ledger:
    """The ledger database: open it once, then add articles one transaction each."""

    def __init__(self, db: str | None = None) -> None:
        engine = open_database(db)
        self.sessions: sessionmaker[Session] = sessionmaker(engine, expire_on_commit=False)
        self._writes: sessionmaker[Session] = sessionmaker(engine.execution_options(sqlite_begin="IMMEDIATE"))
        with self.sessions() as session:
            stale = linking.has_stale_packages(session)
        if stale:
            with self._writes.begin() as session:
                linking.rederive_stale_packages(session)

    def transaction(self):
        """A session in a write transaction (``BEGIN IMMEDIATE`` on SQLite), committed when the block ends."""
        return self._writes.begin()

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
