"""Building documents and extractions by hand, for tests that store them without the NLP pipeline."""

from __future__ import annotations

import datetime as dt

from aidledger.ledger.merge import MentionRecord
from aidledger.schema import Commitment, Document, Extraction, Span


def commitment(text: str, **fields) -> Commitment:
    """A commitment whose evidence is the whole ``text``; donor UKR-bound military aid from the USA unless told."""
    values = {"donor": "USA", "recipient": "UKR", "evidence": Span(start=0, end=len(text), text=text)} | fields
    return Commitment(**values)


def article(
    id: str, text: str, published: str, url: str | None = None, commitments=(), **extra
) -> tuple[Document, Extraction]:
    """A document and its extraction with the given commitments."""
    day = dt.date.fromisoformat(published)
    document = Document(id=id, text=text, published=day, url=url, lang="en", source=f"{id}.txt")
    extraction = Extraction(id=id, url=url, lang="en", published=day, commitments=list(commitments), **extra)
    return document, extraction


def one_commitment_article(
    id: str, text: str, published: str, url: str | None = None, **fields
) -> tuple[Document, Extraction]:
    """An article reporting one commitment, dated ``published`` unless ``date`` is given."""
    fields.setdefault("date", published)
    return article(id, text, published, url, [commitment(text, **fields)])


def mention(
    key: str, date: str | None, amount: int | None = 325_000_000, currency: str | None = "USD", **fields
) -> MentionRecord:
    """A linkage record of an article of its own (named ``key``): US military aid to Ukraine unless told."""
    values = {
        "article": key,
        "donor": "USA",
        "recipient": "UKR",
        "amount": amount,
        "currency": currency,
        "aid_type": "military",
        "mechanism": None,
        "stage": "announced",
        "date": dt.date.fromisoformat(date) if date else None,
        "items": frozenset(),
    } | fields
    return MentionRecord(key=key, **values)
