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


#: One US package reported three times: leaked, announced, delivered (id, text, publication day, stage).
PACKAGE_STORY = [
    ("leak", "The US is set to announce a $300 million package for Ukraine.", "2023-05-30", "anticipated"),
    ("announce", "The Pentagon announced $300 million in aid for Ukraine.", "2023-05-31", "announced"),
    ("deliver", "The $300 million package has been delivered to Ukraine.", "2023-09-01", "delivered"),
]


def package_story() -> list[tuple[Document, Extraction]]:
    """The articles of :data:`PACKAGE_STORY`, each reporting the $300 million package at its stage."""
    return [
        one_commitment_article(id_, text, day, amount=300_000_000, currency="USD", stage=stage)
        for id_, text, day, stage in PACKAGE_STORY
    ]


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
