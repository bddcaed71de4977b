"""Syndicated near-copies: an article reposted by other outlets, edited around the edges, is one package, not many."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

import aidledger
from aidledger.ingest.readers import read_paths
from aidledger.ledger import Ledger
from aidledger.ledger.ingest import ingest
from aidledger.ledger.models import Package
from aidledger.schema import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _copies(document: Document) -> list[Document]:
    """Two reposts: one with a banner and no publication date, one re-spaced with a footer and a day later."""
    undated = document.model_copy(
        update={
            "id": f"{document.id}-repost",
            "url": f"https://aggregator.example/{document.id}",
            "text": "Breaking — shared from our partners\n\n" + document.text,
            "published": None,
        }
    )
    later = document.model_copy(
        update={
            "id": f"{document.id}-syndicated",
            "url": f"https://syndicate.example/{document.id}",
            "text": document.text.replace("\n\n", "\n \n") + "\n\nRead more on our world page.",
            "published": document.published + dt.timedelta(days=1) if document.published else None,
        }
    )
    return [undated, later]


def _packages(db: Path, documents: list[Document]) -> int:
    ledger = Ledger(str(db))
    summary = ingest(ledger, documents, aidledger.extract_documents)
    assert not summary.failures
    with ledger.sessions() as session:
        return session.scalar(select(func.count()).select_from(Package))


def test_syndicated_near_copies_land_in_the_packages_of_their_original(tmp_path):
    originals = [d for d in read_paths([SAMPLES]) if isinstance(d, Document)]
    with_copies = originals + [copy for d in originals for copy in _copies(d)]
    assert _packages(tmp_path / "copies.db", with_copies) == _packages(tmp_path / "originals.db", originals)
