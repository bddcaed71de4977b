"""Syndicated near-copies of the dev passages: how many packages the ledger makes with and without them.

Each passage of ``../shared/eval/dev.jsonl`` (read at run time) is reposted ``--copies`` times by
imaginary outlets, edited as aggregators edit: a banner above the text, a footer below, paragraphs
re-spaced, the publication date dropped or moved a few days. Every copy is extracted by the real
pipeline and stored in a fresh SQLite ledger after the originals. The copies report no new package,
so the two counts printed should be equal; the last line is ``packages=ORIGINALS/WITH_COPIES``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

import aidledger
from aidledger.ledger import Ledger
from aidledger.ledger.evaluation import load_gold
from aidledger.ledger.ingest import ingest
from aidledger.ledger.models import Package
from aidledger.schema import Document

BANNERS = ["Breaking news", "From our partners", "Wire copy", "Updated", "Live"]
FOOTERS = ["Read more on our world page.", "Share this story.", "(c) the syndicate", "Subscribe for updates."]


def repost(document: Document, number: int, rng: random.Random) -> Document:
    """One aggregator's copy of ``document``: edited around the edges, never in its sentences."""
    text = f"{rng.choice(BANNERS)}\n\n{document.text}\n\n{rng.choice(FOOTERS)}"
    if rng.random() < 0.5:
        text = text.replace("\n\n", "\n \n")
    published = document.published
    if published is not None and rng.random() < 0.5:
        published = None if rng.random() < 0.5 else published + dt.timedelta(days=rng.randint(1, 3))
    return document.model_copy(
        update={
            "id": f"{document.id}-copy{number}",
            "url": f"https://outlet{number}.example/{document.id}",
            "text": text,
            "published": published,
        }
    )


def packages(documents: list[Document]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        ledger = Ledger(str(Path(folder) / "ledger.db"))
        summary = ingest(ledger, documents, aidledger.extract_documents)
        if summary.failures:
            sys.exit("\n".join(summary.failures))
        with ledger.sessions() as session:
            return session.scalar(select(func.count()).select_from(Package))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/dev.jsonl")
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(0)
    originals = [p.document for p in load_gold(args.gold)]
    copies = [repost(d, n, rng) for n in range(1, args.copies + 1) for d in originals]
    start = time.perf_counter()
    alone, with_copies = packages(originals), packages(originals + copies)
    print(f"{len(originals)} passages and {len(copies)} near-copies in {time.perf_counter() - start:.0f} s")
    print(f"packages=originals {alone}/with copies {with_copies}")


if __name__ == "__main__":
    main()
